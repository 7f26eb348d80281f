namespace Vectra.Journal.Blocks;

/// <summary>
/// When the writer seals its oldest rows into compressed blocks, and how: once the unsealed tail holds
/// more than <see cref="MaxTailRecords"/> records or <see cref="MaxTailBytes"/> bytes of args, runs of
/// <see cref="BlockRecords"/> records (at most <see cref="MaxBlockBytes"/>) are sealed at zstd <see cref="Level"/>.
/// </summary>
public sealed record SealPolicy
{
    /// <summary>
    /// The defaults: a tail of 4,096 records or 16 MB, blocks of 256 records at level 1 (with a block-long window that is
    /// smaller than level 3 and the fastest to write, so sealing takes little CPU from a capture; compaction rewrites them at 9).
    /// </summary>
    public static SealPolicy Default { get; } = new();

    /// <summary>No sealing in this process (records stay rows until `vectra journal compact`).</summary>
    public static SealPolicy Off { get; } = new() { Enabled = false };

    /// <summary>Whether the writer runs a sealer at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Records the unsealed tail may hold before sealing starts.</summary>
    public int MaxTailRecords { get; init; } = 4096;

    /// <summary>Args bytes the unsealed tail may hold before sealing starts.</summary>
    public long MaxTailBytes { get; init; } = 16L << 20;

    /// <summary>
    /// Records per block. The writer stores a block and deletes its rows inside one of its commits, and the frames of that
    /// commit wait for it: about 3 ms for 256 records of 4 KB against 12-15 ms for 1,024 (loaded two-core machine), and a
    /// commit that long every few seconds set a steady capture's p99. Compaction rewrites them into larger blocks anyway.
    /// </summary>
    public int BlockRecords { get; init; } = 256;

    /// <summary>
    /// Records a block may grow to while the sealer is behind. The writer stores at most one block per commit, and a
    /// full-speed capture commits a few hundred frames at a time: blocks of <see cref="BlockRecords"/> alone sealed a
    /// third of a 50,000-frame burst and fell millions of records behind in ten sustained minutes (BENCHMARKS.md,
    /// "seal-throughput"). Behind the bound by more than a block, a block takes the whole backlog in multiples of
    /// <see cref="BlockRecords"/>, up to this (never below <see cref="BlockRecords"/>); at the live feed's rate blocks stay <see cref="BlockRecords"/> long.
    /// </summary>
    public int CatchUpBlockRecords { get; init; } = 1024;

    /// <summary>
    /// Records per commit (averaged over the last few) at or above which appends are piling up behind the writer: a capture
    /// taking frames as fast as the machine goes makes grouped commits of hundreds, the live feed of one or two.
    /// </summary>
    public int BacklogRecordsPerCommit { get; init; } = 64;

    /// <summary>
    /// While appends pile up behind a writer that syncs each commit (<c>always</c>, <c>batch</c>), one block of
    /// <see cref="BlockRecords"/> per this interval at most; the rest of the tail waits until the writer has room, up to
    /// <see cref="BacklogTailFactor"/> times the tail's bound. On two cores every block sealed during a full-speed capture
    /// took time from it: the capture's p99 grew by a fifth to two fifths (BENCHMARKS.md, "The open points after the
    /// eleventh session's merges"). Under <c>none</c> (bulk imports) nothing waits for a sync and sealing keeps pace.
    /// Zero: sealing never gives way.
    /// </summary>
    public TimeSpan BacklogSealInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How far past its byte bound (<see cref="MaxTailBytes"/>) the tail may grow while sealing gives way: 16 by default,
    /// 256 MB of args, about five seconds of a full-speed capture of 4 KB frames. Past it sealing keeps pace again, so a
    /// capture or replay that stays at full speed does not leave the journal uncompressed without end. Bytes, not records:
    /// what an unsealed tail costs is disk, and a ceiling of 65,536 records stopped a burst of 256-byte appends giving
    /// way after 16 MB, a few tenths of a second.
    /// </summary>
    public int BacklogTailFactor { get; init; } = 16;

    /// <summary>Args bytes at which a block is closed early, whatever its record count.</summary>
    public long MaxBlockBytes { get; init; } = 32L << 20;

    /// <summary>The zstd level (1–22); recorded in each block.</summary>
    public int Level { get; init; } = 1;

    /// <summary>Told once, in one line, when sealing stops on a problem (records then stay rows; nothing is lost).</summary>
    public Action<string>? OnProblem { get; init; }

    /// <summary>Records in the next block when <paramref name="unsealedRecords"/> committed records are not sealed yet.</summary>
    public int BlockRecordsFor(long unsealedRecords)
    {
        var behind = unsealedRecords - MaxTailRecords;
        return behind <= BlockRecords ? BlockRecords : (int)Math.Min(Math.Max(CatchUpBlockRecords, BlockRecords), behind / BlockRecords * BlockRecords);
    }

    /// <summary>
    /// Whether sealing gives way now: the writer syncs each commit (someone waits for it), is committing, its commits carry
    /// <paramref name="recordsPerCommit"/> records, at least <see cref="BacklogRecordsPerCommit"/>, and the unsealed tail's
    /// args are still within <see cref="BacklogTailFactor"/> times <see cref="MaxTailBytes"/>.
    /// </summary>
    internal bool GivesWay(Durability durability, bool committing, double recordsPerCommit, long unsealedBytes) =>
        BacklogSealInterval > TimeSpan.Zero && durability.SyncsEachCommit && committing && recordsPerCommit >= BacklogRecordsPerCommit
        && unsealedBytes <= MaxTailBytes * BacklogTailFactor;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values no sealer can work with.</summary>
    public SealPolicy Checked()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTailRecords, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTailBytes, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockRecords, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BlockRecords, BlockLayout.MaxRecords);
        ArgumentOutOfRangeException.ThrowIfLessThan(CatchUpBlockRecords, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CatchUpBlockRecords, BlockLayout.MaxRecords);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBlockBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBlockBytes, BlockCodec.MaxRawBytes / 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(BacklogRecordsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BacklogSealInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(BacklogTailFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BacklogTailFactor, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(Level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Level, 22);
        return this;
    }
}
