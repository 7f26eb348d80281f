namespace Vectra.Journal.Writing;

/// <summary>What some records added to one session's summary row: their count and their seq and time ranges.</summary>
internal sealed class SessionTally(Guid session, string source, long seq, long ts)
{
    public Guid Session { get; } = session;
    public string Source { get; } = source;
    public long FirstSeq { get; private set; } = seq;
    public long LastSeq { get; private set; } = seq;
    public long Records { get; private set; } = 1;
    public long FirstTs { get; private set; } = ts;
    public long LastTs { get; private set; } = ts;

    /// <summary>A tally of <paramref name="records"/> records at once (from an aggregate query or a stored row).</summary>
    public SessionTally(Guid session, string source, long firstSeq, long lastSeq, long records, long firstTs, long lastTs)
        : this(session, source, firstSeq, firstTs)
    {
        LastSeq = lastSeq;
        Records = records;
        LastTs = lastTs;
    }

    public void Add(long seq, long ts)
    {
        FirstSeq = Math.Min(FirstSeq, seq);
        LastSeq = Math.Max(LastSeq, seq);
        Records++;
        FirstTs = Math.Min(FirstTs, ts);
        LastTs = Math.Max(LastTs, ts);
    }

    public void Add(SessionTally other)
    {
        FirstSeq = Math.Min(FirstSeq, other.FirstSeq);
        LastSeq = Math.Max(LastSeq, other.LastSeq);
        Records += other.Records;
        FirstTs = Math.Min(FirstTs, other.FirstTs);
        LastTs = Math.Max(LastTs, other.LastTs);
    }
}
