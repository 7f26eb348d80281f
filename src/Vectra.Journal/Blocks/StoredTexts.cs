namespace Vectra.Journal.Blocks;

/// <summary>The few distinct sessions, sources and event names of a journal's rows, each kept as one array and handed out again.</summary>
internal sealed class StoredTexts
{
    private const int MaxKept = 256;

    private readonly List<byte[]> _kept = [];

    /// <summary>An array holding <paramref name="text"/>: the kept one when it was seen before.</summary>
    public byte[] Of(ReadOnlySpan<byte> text)
    {
        foreach (var kept in _kept)
        {
            if (text.SequenceEqual(kept))
            {
                return kept;
            }
        }
        var copy = text.ToArray();
        if (_kept.Count < MaxKept)
        {
            _kept.Add(copy);
        }
        return copy;
    }
}
