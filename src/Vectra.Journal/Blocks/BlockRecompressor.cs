using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>
/// The part of <c>vectra journal compact</c> that rewrites blocks: runs of blocks smaller than the compaction's
/// block size or at a lower level (the live sealer's 256-record level-1 blocks) become the compaction's larger,
/// higher-level blocks. Each new block holds exactly the records of the whole blocks it replaces, in one
/// transaction, so a crash leaves the old blocks or the new one. A block already as large and at least as high a
/// level is left alone, so compacting twice rewrites nothing the second time.
/// </summary>
/// <remarks>
/// Failure policy: a block that cannot be opened, or a record in it that fails its checksum, stops the
/// recompression before it (<see cref="JournalCorruptException"/>): nothing damaged is ever rewritten, and the
/// blocks rewritten so far stay valid.
/// </remarks>
internal sealed class BlockRecompressor(SqliteConnection connection, SealPolicy policy, BlockCodec codec, BlockStore store)
{
    /// <summary>Rewrites every run of blocks that needs it; returns the blocks written and the records they hold.</summary>
    public (long Blocks, long Records) Run(IProgress<long>? progress)
    {
        var scheme = ChecksumScheme.FromMeta(JournalSchema.GetMeta(connection, ChecksumScheme.MetaKey));
        using var reader = new BlockReader(connection, new Utf8TextCache(), () => scheme, () => false, error => error);
        long blocks = 0, records = 0;
        foreach (var run in Runs(Headers()))
        {
            var entries = new List<BlockEntry>(checked((int)(run.LastSeq - run.FirstSeq + 1)));
            foreach (var (entry, holds) in reader.Entries(run.FirstSeq, run.LastSeq))
            {
                if (!holds)
                {
                    throw new JournalCorruptException(entry.Seq,
                        $"journal record meta_seq {entry.Seq} fails its checksum, so its block was not recompressed (nothing after it was). Run `vectra verify`.");
                }
                entries.Add(entry);
            }
            if (entries.Count != run.LastSeq - run.FirstSeq + 1)
            {
                throw new JournalCorruptException(run.FirstSeq,
                    $"the blocks of meta_seq {run.FirstSeq}..{run.LastSeq} hold {entries.Count} records, not {run.LastSeq - run.FirstSeq + 1}, so they were not recompressed. Run `vectra verify`.");
            }
            var block = BlockBuilder.Build(entries, policy.Level, codec);
            using (var tx = connection.BeginTransaction())
            {
                if (!store.Replace(block, run.Blocks))
                {
                    throw new JournalCorruptException(block.FirstSeq,
                        $"the blocks of meta_seq {block.FirstSeq}..{block.LastSeq} changed or overlap another block, so they were not recompressed. Run `vectra verify`.");
                }
                tx.Commit();
            }
            blocks++;
            records += block.Records;
            progress?.Report(block.LastSeq);
        }
        return (blocks, records);
    }

    /// <summary>Groups consecutive blocks worth rewriting into runs of at least the policy's block size (the last run may be short).</summary>
    private IEnumerable<BlockRun> Runs(List<StoredBlock> headers)
    {
        BlockRun? run = null;
        foreach (var block in headers)
        {
            var final = block.Records >= policy.BlockRecords && block.Level >= policy.Level;
            var joins = run is { } open && !final && open.LastSeq + 1 == block.FirstSeq
                && open.Records + block.Records <= BlockLayout.MaxRecords && open.ArgsBytes + block.ArgsBytes <= BlockCodec.MaxRawBytes / 2;
            if (!joins && run is { } closing && Worth(closing))
            {
                yield return closing;
            }
            if (!joins)
            {
                run = null;
            }
            if (final)
            {
                continue;
            }
            run = run is { } growing
                ? growing with { LastSeq = block.LastSeq, Blocks = growing.Blocks + 1, Records = growing.Records + block.Records, ArgsBytes = growing.ArgsBytes + block.ArgsBytes, LowerLevel = growing.LowerLevel || block.Level < policy.Level }
                : new BlockRun(block.FirstSeq, block.LastSeq, 1, block.Records, block.ArgsBytes, block.Level < policy.Level);
            if (run.Records >= policy.BlockRecords || run.ArgsBytes >= policy.MaxBlockBytes)
            {
                if (Worth(run))
                {
                    yield return run;
                }
                run = null;
            }
        }
        if (run is { } last && Worth(last))
        {
            yield return last;
        }
    }

    private static bool Worth(BlockRun run) => run.Blocks > 1 || run.LowerLevel;

    private List<StoredBlock> Headers()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT first_seq, last_seq, records, level, args_bytes FROM journal_blocks ORDER BY first_seq";
        using var row = command.ExecuteReader();
        var headers = new List<StoredBlock>();
        while (row.Read())
        {
            headers.Add(new StoredBlock(row.GetInt64(0), row.GetInt64(1), row.GetInt32(2), row.GetInt32(3), row.GetInt64(4)));
        }
        return headers;
    }

    private readonly record struct StoredBlock(long FirstSeq, long LastSeq, int Records, int Level, long ArgsBytes);

    private sealed record BlockRun(long FirstSeq, long LastSeq, int Blocks, int Records, long ArgsBytes, bool LowerLevel);
}
