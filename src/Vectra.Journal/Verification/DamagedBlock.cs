namespace Vectra.Journal.Verification;

/// <summary>A sealed block holding meta_seq <paramref name="FirstSeq"/>..<paramref name="LastSeq"/> that cannot be trusted, and why.</summary>
public readonly record struct DamagedBlock(long FirstSeq, long LastSeq, string Reason);
