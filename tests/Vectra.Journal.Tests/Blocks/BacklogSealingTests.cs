using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>
/// Sealing gives way while appends pile up behind a writer that syncs each commit (a full-speed capture), and seals what it
/// left once the writer has room; under <c>none</c> (bulk imports) it never gives way.
/// </summary>
public sealed class BacklogSealingTests
{
    private const int Batches = 400;
    private const int RecordsPerBatch = 25;

    [Fact]
    public async Task While_appends_pile_up_sealing_gives_way_then_seals_everything_it_left_once_they_stop()
    {
        using var folder = new TempFolder();
        // A block per hour while behind, and room for the whole burst past the bound: past the first block, every block
        // sealed during the burst is one given way wrongly.
        var policy = new SealPolicy
        {
            MaxTailRecords = 100,
            BlockRecords = 50,
            CatchUpBlockRecords = 200,
            BacklogRecordsPerCommit = 10,
            BacklogSealInterval = TimeSpan.FromHours(1),
            BacklogTailFactor = 1024,
        };
        using var writer = JournalWriter.Open(folder.Path, Durability.Batch, policy);

        await AppendBurstAsync(writer);
        var sealedDuringBurst = writer.Sealed.Records;
        var after = await Sealing.UntilSealedAsync(folder.Path, (Batches * RecordsPerBatch) - 100);

        // Nearly 10,000 records were due during the burst; a thread starved for a second on a loaded machine may let a
        // catch-up block through, so the bound is loose, and still far below keeping pace.
        Assert.True(sealedDuringBurst <= 1_000, $"{sealedDuringBurst} records were sealed while appends piled up");
        Assert.True(after.BlockRecords >= (Batches * RecordsPerBatch) - 100, $"only {after.BlockRecords} records were sealed after the burst");
        Assert.True(JournalVerifier.Verify(folder.Path).Clean, "verify is clean");
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(Batches * RecordsPerBatch, reader.ReadSeqRange(1, long.MaxValue).Count());
    }

    [Theory]
    [InlineData("batch", true, 64.0, true)]
    [InlineData("always", true, 500.0, true)]
    [InlineData("none", true, 500.0, false)] // nothing waits for a sync: bulk imports keep sealing at full pace
    [InlineData("batch", false, 500.0, false)] // idle for a second: it seals what it left
    [InlineData("batch", true, 63.9, false)] // the live feed's commits of one or two records
    public void Sealing_gives_way_only_to_large_commits_that_someone_waits_to_sync(string durability, bool committing, double recordsPerCommit, bool givesWay)
    {
        var policy = new SealPolicy { BacklogRecordsPerCommit = 64 };

        Assert.Equal(givesWay, policy.GivesWay(Durability.TryParse(durability)!, committing, recordsPerCommit, 1 << 20));
        Assert.False((policy with { BacklogSealInterval = TimeSpan.Zero }).GivesWay(Durability.TryParse(durability)!, committing, recordsPerCommit, 1 << 20));
    }

    [Theory]
    [InlineData(256L << 20, true)]
    [InlineData((256L << 20) + 1, false)] // 16 times the 16 MB bound: sealing keeps pace again
    public void Sealing_stops_giving_way_once_the_tail_holds_16_times_its_byte_bound(long unsealedBytes, bool givesWay)
    {
        Assert.Equal(givesWay, SealPolicy.Default.GivesWay(Durability.Batch, true, 500, unsealedBytes));
    }

    [Fact]
    public void A_commit_running_or_just_ended_counts_as_committing_and_the_records_per_commit_follow_the_latest_commits()
    {
        var pace = new CommitPace();
        Assert.False(pace.IsCommitting);

        pace.Start();
        Assert.True(pace.IsCommitting);
        pace.Stop(400);
        Assert.True(pace.IsCommitting);
        Assert.Equal(100, pace.RecordsPerCommit);

        pace.Start();
        pace.Stop(0); // a block stored alone: the sealer's own commit says nothing of the appends
        Assert.Equal(100, pace.RecordsPerCommit);

        for (var i = 0; i < 20; i++)
        {
            pace.Start();
            pace.Stop(1);
        }
        Assert.InRange(pace.RecordsPerCommit, 1, 1.5);
    }

    /// <summary>Batches appended back to back, each awaited: the writer commits one after another, 25 records each.</summary>
    private static async Task AppendBurstAsync(JournalWriter writer)
    {
        var n = 0;
        for (var batch = 0; batch < Batches; batch++)
        {
            await writer.AppendBatchAsync(Enumerable.Range(0, RecordsPerBatch).Select(_ => TestRecords.Frame(++n)).ToArray());
        }
    }
}
