using Vectra.Journal.CrashChild;
using Vectra.Journal.Reading;
using Vectra.Journal.Tests.Writing;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Crash;

/// <summary>Durability under SIGKILL, with real processes: nothing acknowledged is ever lost.</summary>
public class KillTests
{
    // Sealing is forced every 60 records past a tail of 120, so kills land inside sealing transactions too.
    [Theory]
    [InlineData("always", 1, 25)]
    [InlineData("batch", 8, 20)]
    public async Task Every_acknowledged_record_survives_SIGKILL_at_random_moments_while_sealing_runs(string durability, int writers, int kills)
    {
        var sealing = (Tail: 120, Block: 60);
        using var folder = new TempFolder();
        var random = new Random(20261121);
        var acknowledged = new Dictionary<long, long>();
        for (var round = 0; round < kills; round++)
        {
            var tailBefore = TailOf(folder.Path);
            using var child = new CrashChildProcess(folder.Path, firstIndex: round * 1_000_000L, durability, writers, sealing);
            Assert.Equal(tailBefore, await child.Opened.WaitAsync(TimeSpan.FromSeconds(60)));
            await child.WaitForAcksAsync(random.Next(1, 400), TimeSpan.FromSeconds(30));
            await Task.Delay(random.Next(0, 30));
            child.Kill();

            var acks = child.Acks.ToArray();
            Assert.True(acks.Length > 0, $"round {round}: the child acknowledged nothing; stderr: {string.Join('\n', child.Errors)}");
            Assert.Equal(tailBefore + 1, acks.Min(a => a.Seq));
            foreach (var (seq, index) in acks)
            {
                acknowledged.Add(seq, index);
            }

            var report = JournalVerifier.Verify(folder.Path);
            Assert.True(report.Clean, $"round {round}: verify found {report.BadChecksums.Count} bad checksums, {report.MissingRanges.Count} gaps, " +
                $"{report.DuplicateSeqs.Count} duplicates, {report.DamagedBlocks.Count} damaged blocks, {string.Join("; ", report.IntegrityProblems)}");
            using var after = JournalReader.Open(folder.Path);
            Assert.True(after.Tail >= acks.Max(a => a.Seq), $"round {round}: the journal ends at {after.Tail} but {acks.Max(a => a.Seq)} was acknowledged");
            // The killed writer held its latest session tallies in memory; readers count those records from the journal itself.
            SessionSummaryTests.AssertSessionsMatchRecords(folder.Path, after.Tail);
        }

        using var final = JournalReader.Open(folder.Path);
        var stored = final.ReadSeqRange(1, long.MaxValue).ToDictionary(r => r.Seq);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(n => (long)n), stored.Keys.Order());
        foreach (var (seq, index) in acknowledged)
        {
            Assert.Equal(CrashPayload.For(index), stored[seq].Args);
        }
        Assert.Equal(stored.Count, stored.Values.Select(r => Convert.ToBase64String(r.Args)).Distinct().Count());
        var figures = final.Figures();
        Assert.True(figures.Blocks >= kills, $"only {figures.Blocks} blocks were sealed over {kills} rounds");
    }

    // Killed after the writer stored its session tallies at least once mid-run (every 1,024 records), with sealing forced,
    // so the records the stored rows do not count yet sit both in blocks and in rows. What `vectra status` shows must count
    // every record, before and after the next writer stores the rest.
    [Theory]
    [InlineData("always", 1)]
    [InlineData("batch", 8)]
    public async Task Session_summaries_count_every_record_after_SIGKILL_and_after_the_next_open(string durability, int writers)
    {
        using var folder = new TempFolder();
        var random = new Random(20261202);
        for (var round = 0; round < 3; round++)
        {
            var tailBefore = TailOf(folder.Path);
            using (var child = new CrashChildProcess(folder.Path, firstIndex: round * 1_000_000L, durability, writers, sealing: (120, 60)))
            {
                Assert.Equal(tailBefore, await child.Opened.WaitAsync(TimeSpan.FromSeconds(60)));
                await child.WaitForAcksAsync(random.Next(1_100, 2_200), TimeSpan.FromSeconds(60));
                child.Kill();
                Assert.True(child.Acks.Count > Storage.SessionSummaries.FlushRecords, $"round {round}: only {child.Acks.Count} acks; stderr: {string.Join('\n', child.Errors)}");
            }
            var tail = TailOf(folder.Path);
            SessionSummaryTests.AssertSessionsMatchRecords(folder.Path, tail);
            var status = JournalStatus.Read(folder.Path);
            Assert.Equal((tail, round + 1), (status.Records, status.Sessions.Count));
        }
        using (JournalWriter.Open(folder.Path, Durability.Batch))
        {
            // Opening stores what the killed writer had not.
        }
        SessionSummaryTests.AssertSessionsMatchRecords(folder.Path, TailOf(folder.Path));
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);
    }

    private static long TailOf(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "journal.db")))
        {
            return 0;
        }
        using var reader = JournalReader.Open(folder);
        return reader.Tail;
    }
}
