namespace Vectra.Journal.Blocks;

/// <summary>What <see cref="JournalCompactor"/> did: blocks written, records they took from the rows, and the files' bytes before and after.</summary>
public sealed record CompactResult(long BlocksWritten, long RecordsSealed, long BytesBefore, long BytesAfter);
