using Vectra.Runner.Tests.Capture;

namespace Vectra.Runner.Tests.Nats;

/// <summary>
/// Issue 14's acceptance, with real nats-server processes on loopback, real feed-server and real vectra processes.
/// The tests of this class run one after another (a class is one xunit collection); they run beside other classes.
/// </summary>
public sealed class NatsCaptureTests(NatsRecording recording) : IClassFixture<NatsRecording>
{
    private const double Speed = 60;

    [Fact]
    public async Task Two_runners_publish_one_stream_and_the_mirror_holds_every_frame_once_in_feed_order()
    {
        using var nats = NatsCluster.StartSingle();
        await using var capture = await NatsCapture.StartAsync(recording.Path, nats.Urls, 1, Speed, "a", "b");
        Assert.Equal(recording.Frames.Count, await capture.WaitForFeedEndAsync("a", "b"));
        await capture.StopRunnersAsync();

        await capture.MirrorOnceAsync();

        var mirror = MirrorAssert.Complete(capture.MirrorData, recording.Frames);
        Assert.Contains(mirror.Records, r => r.Source == "mirror:a");
        Assert.Contains(mirror.Records, r => r.Source == "mirror:b");
        Assert.Equal(2, mirror.System("$session.start").Count);
        Assert.Equal(2, mirror.System("$session.stop").Count);
    }

    [Fact]
    public async Task A_runner_killed_mid_feed_and_restarted_leaves_the_mirror_complete_without_duplicates()
    {
        using var nats = NatsCluster.StartSingle();
        await using var capture = await NatsCapture.StartAsync(recording.Path, nats.Urls, 1, Speed, "a", "b");
        var third = recording.Frames.Count / 3;
        await FramesJournaledAsync(capture, "a", third);
        await capture.Runner("a").KillAsync();
        await FramesJournaledAsync(capture, "b", 2 * third);
        await capture.StartRunnerAsync("a");
        await capture.WaitForFeedEndAsync("b");
        await CapturedJournal.WaitUntilAsync(capture.Data("a"), j => j.Frames.Count > third, TimeSpan.FromMinutes(2), () => capture.Runner("a").Stderr);
        await capture.StopRunnersAsync();

        await capture.MirrorOnceAsync();

        var mirror = MirrorAssert.Complete(capture.MirrorData, recording.Frames);
        Assert.Equal(3, mirror.System("$session.start").Count);
        var projected = await VectraProcess.RunAsync("project", "--data", capture.MirrorData);
        Assert.True(projected.ExitCode == 0, projected.ToString());
        var status = await VectraProcess.RunAsync("status", "--json", "--data", capture.MirrorData);
        using var json = System.Text.Json.JsonDocument.Parse(status.Stdout);
        var runners = json.RootElement.GetProperty("runners");
        Assert.Equal(0, runners.GetProperty("noRunnerSeconds").GetDouble());
        var perRunner = runners.GetProperty("perRunner").EnumerateArray().ToDictionary(r => r.GetProperty("source").GetString()!, r => r.GetProperty("sessions").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["mirror:a"] = 2, ["mirror:b"] = 1 }, perRunner);
        var text = await VectraProcess.RunAsync("status", "--data", capture.MirrorData);
        Assert.Contains("without any runner connected (the only true gaps)", text.Stdout);
    }

    [Fact]
    public async Task Nats_stopped_for_10_s_mid_feed_delays_publishing_but_loses_and_duplicates_nothing()
    {
        using var nats = NatsCluster.StartSingle();
        var node = nats.Nodes[0];
        await using var capture = await NatsCapture.StartAsync(recording.Path, nats.Urls, 1, Speed / 3, "a", "b");
        var quarter = recording.Frames.Count / 4;
        await FramesJournaledAsync(capture, "a", quarter);
        node.Kill();
        var atStop = CapturedJournal.Read(capture.Data("b")).Frames.Count;
        // The outage's length is the scenario (issue 14), not a wait for progress.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var duringOutage = CapturedJournal.Read(capture.Data("b")).Frames.Count;
        node.Start();
        await capture.WaitForFeedEndAsync("a", "b");
        await capture.StopRunnersAsync();

        Assert.True(duringOutage > atStop, $"runner b journaled nothing while NATS was down ({atStop} frames before and after)");
        Assert.Contains("publishing to NATS waits", capture.Runner("a").Stderr);
        await capture.MirrorOnceAsync();
        MirrorAssert.Complete(capture.MirrorData, recording.Frames);
    }

    [Fact]
    public async Task A_three_node_cluster_losing_one_node_mid_feed_keeps_publishing_and_mirroring()
    {
        using var nats = NatsCluster.StartThree();
        await using var capture = await NatsCapture.StartAsync(recording.Path, nats.Urls, 3, Speed, "a", "b");
        await FramesJournaledAsync(capture, "a", recording.Frames.Count / 3);
        nats.Nodes[0].Kill();
        await capture.WaitForFeedEndAsync("a", "b");
        await capture.StopRunnersAsync();

        await capture.MirrorOnceAsync();
        MirrorAssert.Complete(capture.MirrorData, recording.Frames);
    }

    [Fact]
    public async Task The_mirror_killed_at_12_moments_resumes_without_gap_or_duplicate_and_verifies_clean()
    {
        using var nats = NatsCluster.StartSingle();
        await using var capture = await NatsCapture.StartAsync(recording.Path, nats.Urls, 1, Speed * 5, "a", "b");
        await capture.WaitForFeedEndAsync("a", "b");
        await capture.StopRunnersAsync();

        var random = new Random(14);
        var frames = recording.Frames.Count;
        var tailsAtKill = new List<long>();
        for (var moment = 1; moment <= 12; moment++)
        {
            // Progress-chosen, relative to where the last run stopped: a fast machine's mirror overshoots a fixed
            // target by many records between the poll and the kill, which would leave later fixed targets behind it.
            var tail = JournalTail(capture.MirrorData);
            var share = (frames - tail) / (13 - moment);
            if (share < 4)
            {
                tailsAtKill.Add(long.MaxValue); // no room left for a kill mid-way: counted as a miss
                continue;
            }
            var target = tail + (long)(share * (0.25 + 0.5 * random.NextDouble()));
            tailsAtKill.Add(await MirrorKilledPastAsync(capture, target));
        }
        await capture.MirrorOnceAsync();

        var end = JournalTail(capture.MirrorData);
        var midway = tailsAtKill.Count(t => t < end);
        Assert.True(midway >= 10, $"only {midway} of 12 mirror runs were killed before the end ({end} records); killed at {string.Join(", ", tailsAtKill)}");
        MirrorAssert.Complete(capture.MirrorData, recording.Frames);
        var verify = await VectraProcess.RunAsync("verify", "--data", capture.MirrorData);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    /// <summary>Runs `vectra mirror` (following), SIGKILLs it once its journal holds more than <paramref name="target"/> records, and returns the journal's tail after the kill.</summary>
    private static async Task<long> MirrorKilledPastAsync(NatsCapture capture, long target)
    {
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = System.Diagnostics.Process.Start(VectraProcess.StartInfo("mirror", "--from", capture.NatsUrls, "--data", capture.MirrorData, "--batch", "7"))!;
        process.ErrorDataReceived += (_, line) => stderr.Enqueue(line.Data ?? "");
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (JournalTail(capture.MirrorData) <= target)
            {
                Assert.False(process.HasExited, $"the mirror exited: {string.Join('\n', stderr)}");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"the mirror did not pass record {target} within 2 min: {string.Join('\n', stderr)}");
                await Task.Delay(5);
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        return JournalTail(capture.MirrorData);
    }

    private static long JournalTail(string data)
    {
        try
        {
            if (!File.Exists(Path.Combine(data, "journal.db")))
            {
                return 0;
            }
            using var reader = Vectra.Journal.Reading.JournalReader.Open(data);
            return reader.Tail;
        }
        catch (System.Data.Common.DbException)
        {
            return 0;
        }
    }

    private static Task<CapturedJournal> FramesJournaledAsync(NatsCapture capture, string runner, int frames) =>
        CapturedJournal.WaitUntilAsync(capture.Data(runner), j => j.Frames.Count >= frames, TimeSpan.FromMinutes(2), () => capture.Runner(runner).Stderr);
}
