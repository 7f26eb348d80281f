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
    /// <summary>The arguments as text.</summary>
    public string ArgsText => System.Text.Encoding.UTF8.GetString(Args);

    /// <summary>The CRC32C the journal stores for this record.</summary>
    public uint Checksum => RecordChecksum.Compute(Seq, Ts, Session, Conn, Source, Event, Args);

    /// <summary>True when both records hold the same fields and the same argument bytes.</summary>
    public bool SameAs(JournalRecord other) =>
        Seq == other.Seq && Ts == other.Ts && Session == other.Session && Conn == other.Conn
        && Source == other.Source && Event == other.Event && Args.AsSpan().SequenceEqual(other.Args);
}
