namespace Vectra.Journal.Blocks;

/// <summary>
/// What <see cref="JournalCompactor"/> did: blocks written from rows and the records they took, blocks rewritten from
/// smaller or lower-level blocks and the records those hold, and the files' bytes before and after.
/// </summary>
public sealed record CompactResult(long BlocksWritten, long RecordsSealed, long BytesBefore, long BytesAfter, long BlocksRecompressed = 0, long RecordsRecompressed = 0);
