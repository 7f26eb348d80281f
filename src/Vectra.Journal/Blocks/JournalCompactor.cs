using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>
/// <c>vectra journal compact</c>: with the writer lock held, rewrites the blocks a live sealer wrote (smaller, at a
/// lower level) into the policy's blocks (<see cref="BlockRecompressor"/>), seals every row into blocks (the last one
/// may be short), then hands the freed pages back to the file system so the file on disk shrinks.
/// </summary>
/// <remarks>
/// Failure policy: each block is sealed (or recompressed) in its own durable transaction, so a crash or an error part-way
/// leaves a valid journal with fewer rows sealed; running compact again continues. A damaged row or block stops
/// the compaction before it (<see cref="JournalCorruptException"/>), so nothing damaged is ever sealed or rewritten. A journal
/// without incremental auto-vacuum (written before compression) is converted once with a full VACUUM,
/// which needs free disk space about the size of the compacted file.
/// </remarks>
public static class JournalCompactor
{
    /// <summary>Compacts the journal in <paramref name="dataDirectory"/>; <paramref name="progress"/> receives the seq sealed or recompressed through.</summary>
    public static CompactResult Compact(string dataDirectory, SealPolicy policy, IProgress<long>? progress = null)
    {
        policy = policy.Checked();
        var files = new JournalFiles(dataDirectory);
        if (!files.Exists)
        {
            throw new JournalInputException($"there is no journal in {Path.GetFullPath(dataDirectory)} (no journal.db). Pass --data with the folder a capture or import wrote.");
        }
        using var writerLock = WriterLock.Acquire(files);
        var bytesBefore = files.BytesOnDisk();
        long blocks = 0, records = 0;
        (long Blocks, long Records) recompressed;
        using (var connection = SqliteOpener.OpenWriter(files.Database, Durability.Batch))
        {
            JournalSchema.Create(connection);
            using (var rows = new TailRows(connection))
            using (var store = new BlockStore(connection))
            using (var codec = new BlockCodec())
            {
                var recompressor = new BlockRecompressor(connection, policy, codec, store);
                recompressed = recompressor.Run(progress);
                var next = TailRows.FirstUnsealed(connection);
                while (true)
                {
                    var entries = rows.Read(next, policy.BlockRecords, policy.MaxBlockBytes);
                    if (entries.Count == 0)
                    {
                        break;
                    }
                    var block = BlockBuilder.Build(entries, policy.Level, codec);
                    using (var tx = connection.BeginTransaction())
                    {
                        if (!store.Seal(block))
                        {
                            throw new JournalCorruptException(block.FirstSeq,
                                $"meta_seq {block.FirstSeq}..{block.LastSeq} could not be sealed: some are already in a block. Run `vectra verify`.");
                        }
                        tx.Commit();
                    }
                    blocks++;
                    records += block.Records;
                    next = block.LastSeq + 1;
                    progress?.Report(block.LastSeq);
                }
                // A short last block of the rows joins a short run of blocks before it.
                var tail = recompressor.Run(null);
                recompressed = (recompressed.Blocks + tail.Blocks, recompressed.Records + tail.Records);
            }
            ReturnFreePages(connection);
        }
        return new CompactResult(blocks, records, bytesBefore, files.BytesOnDisk(), recompressed.Blocks, recompressed.Records);
    }

    private static void ReturnFreePages(SqliteConnection connection)
    {
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA auto_vacuum";
        if ((long)mode.ExecuteScalar()! == 2)
        {
            connection.Execute("PRAGMA incremental_vacuum");
        }
        else
        {
            // auto_vacuum can only change on an existing file by rebuilding it; compact is offline, so it may.
            connection.Execute("PRAGMA auto_vacuum=INCREMENTAL");
            connection.Execute("VACUUM");
        }
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
}
