using Vectra.Journal.Reading;

namespace Vectra.Journal.Records;

/// <summary>One committed journal record: a frame exactly as received, with its <c>meta_*</c> fields.</summary>
/// <param name="Seq">Global position (<c>meta_seq</c>), from 1, gap-free.</param>
/// <param name="Ts">Receive time (<c>meta_ts</c>) in microseconds since the Unix epoch, UTC.</param>
/// <param name="Session">The runner start or import that wrote the record (<c>meta_session</c>).</param>
/// <param name="Conn">Connection number within the session; 0 for system records (<c>meta_conn</c>).</param>
/// <param name="Source"><c>live</c>, <c>replay</c>, <c>simulate</c> or <c>import:&lt;format&gt;</c> (<c>meta_source</c>).</param>
/// <param name="Event">The Socket.IO event name; system records start with <c>$</c>.</param>
/// <param name="Args">Every argument of the frame as a raw JSON array, UTF-8, byte for byte as received.</param>
public sealed record JournalRecord(long Seq, long Ts, Guid Session, int Conn, string Source, string Event, byte[] Args)
{
    private byte[]? _args = Args;
    // A record streamed from a sealed block may point into the block's buffer instead of owning a copy of its args.
    private readonly LentBlock? _block;
    private readonly int _offset;
    private readonly int _length;

    /// <summary>A record whose args are <paramref name="length"/> bytes at <paramref name="offset"/> of <paramref name="block"/>'s buffer, not copied.</summary>
    internal JournalRecord(long seq, long ts, Guid session, int conn, string source, string eventName, LentBlock block, int offset, int length)
        : this(seq, ts, session, conn, source, eventName, Args: null!)
    {
        _block = block;
        _offset = offset;
        _length = length;
    }

    /// <summary>Every argument of the frame as a raw JSON array, UTF-8, byte for byte as received; the record's own array.</summary>
    /// <remarks>A record streamed from a sealed block copies its args on the first call; <see cref="ArgsSpan"/> reads them without a copy.</remarks>
    public byte[] Args
    {
        get => _args ??= ArgsSpan.ToArray();
        init => _args = value;
    }

    /// <summary>The args without a copy. A streamed record's span is valid only while its stream holds the record.</summary>
    public ReadOnlySpan<byte> ArgsSpan => _args ?? _block!.Span(_offset, _length);

    /// <summary>The length of the args in bytes.</summary>
    public int ArgsLength => _args?.Length ?? _length;

    /// <summary>The block buffer the args lie in, when they were not copied.</summary>
    internal LentBlock? Block => _args is null ? _block : null;

    /// <summary>The arguments as text.</summary>
    public string ArgsText => System.Text.Encoding.UTF8.GetString(ArgsSpan);

    /// <summary>The CRC32C the journal stores for this record.</summary>
    public uint Checksum => RecordChecksum.Compute(Seq, Ts, Session, Conn, Source, Event, ArgsSpan);

    /// <summary>True when both records hold the same fields and the same argument bytes.</summary>
    public bool SameAs(JournalRecord other) =>
        Seq == other.Seq && Ts == other.Ts && Session == other.Session && Conn == other.Conn
        && Source == other.Source && Event == other.Event && ArgsSpan.SequenceEqual(other.ArgsSpan);
}
