namespace Vectra.Journal.Writing;

/// <summary>What one commit added to one session's summary row.</summary>
internal sealed class SessionTally(Guid session, string source, long seq, long ts)
{
    public Guid Session { get; } = session;
    public string Source { get; } = source;
    public long FirstSeq { get; private set; } = seq;
    public long LastSeq { get; private set; } = seq;
    public long Records { get; private set; } = 1;
    public long FirstTs { get; private set; } = ts;
    public long LastTs { get; private set; } = ts;

    public void Add(long seq, long ts)
    {
        FirstSeq = Math.Min(FirstSeq, seq);
        LastSeq = Math.Max(LastSeq, seq);
        Records++;
        FirstTs = Math.Min(FirstTs, ts);
        LastTs = Math.Max(LastTs, ts);
    }
}
