namespace Vectra.Journal.Verification;

/// <summary>What <see cref="JournalVerifier"/> found. Clean when every list is empty.</summary>
/// <param name="RecordsChecked">Rows whose checksum was computed.</param>
/// <param name="LastSeq">The highest seq seen.</param>
/// <param name="BadChecksums">Seqs whose stored CRC32C does not match their fields.</param>
/// <param name="MissingRanges">Seq ranges absent between 1 and the last seq.</param>
/// <param name="DuplicateSeqs">Seqs that appear more than once (twice as rows, in two blocks, or in a block and a row).</param>
/// <param name="IntegrityProblems">Lines from SQLite's integrity check other than "ok", and read failures.</param>
public sealed record VerifyReport(
    long RecordsChecked,
    long LastSeq,
    IReadOnlyList<long> BadChecksums,
    IReadOnlyList<SeqGap> MissingRanges,
    IReadOnlyList<long> DuplicateSeqs,
    IReadOnlyList<string> IntegrityProblems)
{
    /// <summary>Sealed blocks that fail their checksum or cannot be opened; their records cannot be checked one by one.</summary>
    public IReadOnlyList<DamagedBlock> DamagedBlocks { get; init; } = [];

    /// <summary>True when the journal passed every check.</summary>
    public bool Clean => BadChecksums.Count == 0 && MissingRanges.Count == 0 && DuplicateSeqs.Count == 0 && IntegrityProblems.Count == 0
        && DamagedBlocks.Count == 0;
}

/// <summary>Seqs <paramref name="From"/>..<paramref name="To"/> (inclusive) are missing.</summary>
public readonly record struct SeqGap(long From, long To);
