using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>A sealer far behind its bound seals larger blocks (the writer stores one per commit), and comes back to its block size.</summary>
public class CatchUpSealingTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(500, 100)]
    [InlineData(600, 100)]
    [InlineData(650, 100)]
    [InlineData(799, 200)]
    [InlineData(900, 400)]
    [InlineData(100_000, 400)]
    public void A_block_takes_the_backlog_past_the_bound_in_whole_blocks_up_to_the_catch_up_size(long unsealed, int expected)
    {
        var policy = new SealPolicy { MaxTailRecords = 500, BlockRecords = 100, CatchUpBlockRecords = 400 };

        Assert.Equal(expected, policy.BlockRecordsFor(unsealed));
    }

    [Fact]
    public void A_catch_up_size_below_the_block_size_keeps_the_block_size()
    {
        var policy = new SealPolicy { MaxTailRecords = 10, BlockRecords = 300, CatchUpBlockRecords = 100 }.Checked();

        Assert.Equal(300, policy.BlockRecordsFor(5_000));
    }

    [Fact]
    public async Task A_backlog_committed_at_once_is_sealed_in_larger_blocks_then_in_block_sized_ones_and_reads_back_identical()
    {
        using var folder = new TempFolder();
        var records = Enumerable.Range(1, 3000).Select(n => TestRecords.Frame(n)).ToArray();
        // Never giving way: one commit of 3,000 records looks like a backlog for a second (BacklogSealingTests).
        var policy = new SealPolicy { MaxTailRecords = 500, BlockRecords = 100, CatchUpBlockRecords = 400, BacklogSealInterval = TimeSpan.Zero };
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, policy))
        {
            await writer.AppendBatchAsync(records);
            var figures = await Sealing.UntilSealedAsync(folder.Path, 2500);
            Assert.True(figures.BlockRecords == 2500, $"only {figures.BlockRecords} records were sealed");
            Assert.Equal(figures.Blocks, writer.Sealed.Blocks);
        }

        var sizes = BlockSizes(folder.Path);
        Assert.Equal(400, sizes[0]);
        Assert.All(sizes, size => Assert.True(size % 100 == 0 && size <= 400, $"a block of {size} records"));
        Assert.Equal(100, sizes[^1]);
        using var reader = JournalReader.Open(folder.Path);
        var all = reader.ReadSeqRange(1, long.MaxValue).ToArray();
        Assert.Equal(3000, all.Length);
        Assert.All(all, r => Assert.True(r.SameAs(records[r.Seq - 1].At(r.Seq)), $"record {r.Seq} differs"));
        Assert.True(JournalVerifier.Verify(folder.Path).Clean, "verify is clean");
    }

    private static List<long> BlockSizes(string folder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "journal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT records FROM journal_blocks ORDER BY first_seq";
        using var rows = command.ExecuteReader();
        var sizes = new List<long>();
        while (rows.Read())
        {
            sizes.Add(rows.GetInt64(0));
        }
        return sizes;
    }
}
