namespace Vectra.Projections.Json;

/// <summary>
/// A frame's payload: its last argument (docs/feed.md §1), located in the args span in one forward pass,
/// without parsing or allocating. Every reader of a payload finds it here (docs/architecture.md §5.5).
/// </summary>
/// <remarks>
/// The rules, for every caller: whitespace around the array is allowed; <c>[]</c> has no payload; args that
/// are not one closed JSON array are malformed (<see cref="InvalidDataException"/>, which quarantines the
/// record); bytes after the array's closing bracket are not looked at (the journal refuses them on append).
/// Elements are skipped by bracket matching (<see cref="JsonSkip"/>), not tokenized: a frame's bytes are
/// mostly a leaderboard no caller reads.
/// </remarks>
public readonly ref struct LastArgument
{
    private readonly ReadOnlySpan<byte> _args;

    private LastArgument(ReadOnlySpan<byte> args, Range range, bool exists)
    {
        _args = args;
        Range = range;
        Exists = exists;
    }

    /// <summary>Whether the frame has an argument at all.</summary>
    public bool Exists { get; }

    /// <summary>Where the payload is within the args (empty when there is none).</summary>
    public Range Range { get; }

    /// <summary>The payload's raw JSON (empty when there is none).</summary>
    public ReadOnlySpan<byte> Json => Exists ? _args[Range] : default;

    /// <summary>Whether the payload is a JSON object.</summary>
    public bool IsObject => Exists && _args[Range][0] == (byte)'{';

    /// <summary>Locates the last argument of <paramref name="args"/>, a frame's JSON array of arguments.</summary>
    public static LastArgument Of(ReadOnlySpan<byte> args)
    {
        var elements = new ArrayElements(args, Range.All);
        Range? last = null;
        while (elements.MoveNext())
        {
            last = elements.Current;
        }
        return last is { } found ? new LastArgument(args, found, exists: true) : new LastArgument(args, default, exists: false);
    }
}
