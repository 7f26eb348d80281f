namespace Vectra.Journal.Reading;

/// <summary>Where a journal's records are: how many sit in sealed blocks and how many in the row tail, and their bytes.</summary>
/// <param name="Blocks">Sealed blocks.</param>
/// <param name="BlockRecords">Records held in blocks.</param>
/// <param name="BlockBytes">Compressed bytes of the blocks' data.</param>
/// <param name="BlockRawBytes">Raw JSON (args) bytes the blocks hold.</param>
/// <param name="TailRecords">Records still stored as rows.</param>
/// <param name="TailBytes">Raw JSON (args) bytes of the rows, stored as given.</param>
public sealed record StorageFigures(long Blocks, long BlockRecords, long BlockBytes, long BlockRawBytes, long TailRecords, long TailBytes)
{
    /// <summary>Raw JSON bytes per stored byte in the blocks (0 without blocks).</summary>
    public double BlockRatio => BlockBytes == 0 ? 0 : (double)BlockRawBytes / BlockBytes;
}
