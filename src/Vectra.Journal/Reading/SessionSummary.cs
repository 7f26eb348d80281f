namespace Vectra.Journal.Reading;

/// <summary>One session's share of the journal: which seqs and times it wrote.</summary>
public sealed record SessionSummary(Guid Session, string Source, long FirstSeq, long LastSeq, long Records, long FirstTs, long LastTs);
