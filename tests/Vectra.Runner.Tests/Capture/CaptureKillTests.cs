using Vectra.Journal.Reading;
using Vectra.Journal.Verification;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Capture;

[Collection(CaptureIntegration.Name)]
[Trait("Category", CaptureIntegration.Category)]
public sealed class CaptureKillTests(SimulatedRecording recording)
{
    private const int Kills = 10;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("always")]
    [InlineData("batch")]
    public async Task After_each_SIGKILL_the_journal_verifies_clean_every_acknowledged_seq_is_there_and_no_frame_is_stored_twice(string durability)
    {
        using var data = new TempFolder();
        var random = new Random(durability.Length);
        var acknowledged = new List<long>();
        // Paced (about 300 frames/s), not at full speed: each kill throws away whatever sits in the
        // socket buffers, and at full speed that was thousands of frames a round, so on a loaded
        // machine the recording ran out before the tenth round and its capture waited for frames
        // that never came. Paced, ten rounds use a fraction of the recording.
        await using var server = await FeedServerProcess.StartAsync(recording.Path, "--speed", "50", "--steady");
        for (var round = 1; round <= Kills; round++)
        {
            var tailBefore = Tail(data.Path);
            await using var capture = CaptureRunner.Start(data.Path, server.Url, "--durability", durability);
            await capture.WaitForAcksAsync(random.Next(20, 400), Bound, server);
            await Task.Delay(random.Next(0, 100));
            await capture.KillAsync();

            var acks = capture.Acks;
            acknowledged.AddRange(acks);
            Assert.Equal(tailBefore + 1, acks[0]);
            var report = JournalVerifier.Verify(data.Path);
            Assert.True(report.Clean, $"round {round}: verify found {report.BadChecksums.Count} bad checksums, {report.MissingRanges.Count} gaps, {string.Join("; ", report.IntegrityProblems)}");
            Assert.True(Tail(data.Path) >= acks[^1], $"round {round}: the journal ends at {Tail(data.Path)} but {acks[^1]} was acknowledged");
        }

        var journal = CapturedJournal.Read(data.Path);
        Assert.Equal(Enumerable.Range(1, journal.Records.Count).Select(n => (long)n), journal.Records.Select(r => r.Seq));
        Assert.Subset(journal.Records.Select(r => r.Seq).ToHashSet(), acknowledged.ToHashSet());
        Assert.Equal(Kills, journal.System("$session.start").Count);
        Assert.Equal(Kills, journal.Records.Select(r => r.Session).Distinct().Count());
        AssertFramesAreAnInOrderSubsequenceOfTheRecording(journal);
    }

    /// <summary>The server never re-sends a frame, so each recorded frame may appear at most once, and in recording order.</summary>
    private static void AssertFramesAreAnInOrderSubsequenceOfTheRecording(CapturedJournal journal)
    {
        using var expected = SimulatedRecording.Frames().GetEnumerator();
        var position = 0;
        foreach (var frame in journal.Frames)
        {
            var found = false;
            while (expected.MoveNext())
            {
                position++;
                if (expected.Current.Event == frame.Event && expected.Current.Args.AsSpan().SequenceEqual(frame.Args))
                {
                    found = true;
                    break;
                }
            }
            Assert.True(found, $"seq {frame.Seq} ({frame.Event}) is not a later frame of the recording than the one before it (a duplicate, out of order, or altered)");
        }
        Assert.True(position > 0);
    }

    private static long Tail(string data)
    {
        if (!File.Exists(Path.Combine(data, "journal.db")))
        {
            return 0;
        }
        using var reader = JournalReader.Open(data);
        return reader.Tail;
    }
}
