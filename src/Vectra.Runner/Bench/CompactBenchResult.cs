namespace Vectra.Runner.Bench;

/// <summary>What <see cref="CompactBenchmark"/> measured (bytes, seconds; null anchors when the program is missing).</summary>
internal sealed record CompactBenchResult(
    long Records,
    long JsonlBytes,
    long ArgsBytes,
    long RowsJournalBytes,
    long CompactedJournalBytes,
    long BlockBytes,
    long BlockRawBytes,
    double CompactSeconds,
    long Blocks,
    double ReadRowsSeconds,
    double ReadBlocksSeconds,
    double ReadRowsCpuSeconds,
    double ReadBlocksCpuSeconds,
    long LiveSealedRecords,
    long LiveRecompressedRecords,
    long LiveCompactedJournalBytes,
    long? ZstdBytes,
    long? XzBytes)
{
    /// <summary>Journal files after compaction per byte of JSONL.</summary>
    public double Ratio => (double)CompactedJournalBytes / JsonlBytes;

    /// <summary>Journal files per byte of JSONL after live sealing and then compaction.</summary>
    public double LiveRatio => (double)LiveCompactedJournalBytes / JsonlBytes;

    /// <summary>Raw args MB sealed per second (the compaction's whole time, vacuum included).</summary>
    public double SealMegabytesPerSecond => ArgsBytes / 1e6 / CompactSeconds;

    /// <summary>Args MB/s of a full read from rows.</summary>
    public double ReadRowsMegabytesPerSecond => ArgsBytes / 1e6 / ReadRowsSeconds;

    /// <summary>Args MB/s of a full read from blocks.</summary>
    public double ReadBlocksMegabytesPerSecond => ArgsBytes / 1e6 / ReadBlocksSeconds;
}
