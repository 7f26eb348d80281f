using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Vectra.Journal.Reading;
using Vectra.Projections.Runtime;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Capture;

/// <summary>What a stop (SIGTERM) leaves in the journal, how long it takes, and what it reports.</summary>
[Collection(CaptureIntegration.Name)]
[Trait("Category", CaptureIntegration.Category)]
public sealed partial class CaptureStopTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopPromise = TimeSpan.FromSeconds(5);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_stop_on_a_disk_too_slow_to_drain_the_queue_reports_exactly_how_many_received_frames_were_not_journaled()
    {
        const int Sent = 8_000;
        var frames = SyntheticFeed.Frames(Sent);
        var recording = _folder.File("feed.jsonl");
        RecordingFile.Write(recording, frames);
        var data = _folder.File("data");
        await using var server = await FeedServerProcess.StartAsync(recording, "--speed", "max");
        await using var capture = CaptureRunner.StartWithEnvironment(data, server.Url, new Dictionary<string, string>
        {
            // 2 ms per record: a disk that stores 500 frames/s, far below the burst.
            ["VECTRA__CAPTURE__SIMULATEDSLOWDISKMSPERRECORD"] = "2",
            ["VECTRA__CAPTURE__PROGRESSSECONDS"] = "0.2",
        });
        Assert.Equal(Sent, (await server.WaitForAsync("done", timeout: Bound)).Number("emitted"));
        // Every frame the server sent has been received (it waits in the queue) before the stop.
        await capture.WaitForStderrAsync($", {Sent.ToString("N0", CultureInfo.InvariantCulture)} frames,", Bound);

        var clock = Stopwatch.StartNew();
        var exit = await capture.TerminateAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        var journal = CapturedJournal.Read(data);
        var notJournaled = Sent - journal.Frames.Count;
        Assert.True(notJournaled > 0, $"the slow disk stored all {Sent} frames within the stop budget; the test needs a stop that cannot drain. stderr:\n{capture.Stderr}");
        Assert.Equal(3, exit);
        Assert.True(clock.Elapsed < StopPromise, $"the stop took {clock.Elapsed.TotalSeconds:F1} s");
        var stop = journal.Records[^1];
        Assert.Equal("$session.stop", stop.Event);
        Assert.Equal($"[{{\"clean\":false,\"notJournaled\":{notJournaled}}}]", CapturedJournal.Text(stop));
        Assert.Contains($"{notJournaled} received frame(s) were NOT journaled", capture.Stderr);
        Assert.Equal("shutdown", CaptureReconnectTests.Field(journal.System("$connection.close").Single(), "reason"));
        // What was stored is the start of what was sent, in order: only the tail is missing.
        Assert.Equal(
            frames.Take(journal.Frames.Count).Select(f => (f.Event, f.ArgsJson)),
            journal.Frames.Select(f => (f.Event, CapturedJournal.Text(f))));
        var status = await VectraProcess.RunAsync("status", "--data", data);
        Assert.DoesNotContain("1 stopped cleanly", status.Stdout);
    }

    [Fact]
    public async Task SIGTERM_right_after_a_full_speed_burst_exits_0_within_5_s_with_every_frame_journaled_and_the_projections_resume_on_the_next_start()
    {
        // The suite stops twice; VECTRA_STOP_RUNS=10 repeats it (README, "Capture").
        var runs = int.TryParse(Environment.GetEnvironmentVariable("VECTRA_STOP_RUNS"), out var asked) ? asked : 2;
        var recording = RecordingFile.WriteSimulated(_folder.File("feed.jsonl"), 56, 11);
        for (var run = 1; run <= runs; run++)
        {
            var data = _folder.File($"data-{run}");
            await using var server = await FeedServerProcess.StartAsync(recording, "--speed", "max");
            await using var capture = CaptureRunner.StartWithProjections(data, server.Url);
            var emitted = (await server.WaitForAsync("done", timeout: Bound)).Number("emitted");
            await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Count >= emitted, Bound, () => capture.Stderr);
            await Task.Delay(TimeSpan.FromSeconds(3));

            var clock = Stopwatch.StartNew();
            var exit = await capture.TerminateAsync(StopPromise);
            Assert.True(exit == 0, $"run {run}: exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "none"} after {clock.Elapsed.TotalSeconds:F1} s; stderr:\n{capture.Stderr}");

            var journal = CapturedJournal.Read(data);
            Assert.Equal(emitted, journal.Frames.Count);
            Assert.Equal("[{\"clean\":true}]", CapturedJournal.Text(journal.Records[^1]));
            if (run == 1)
            {
                await AssertProjectionsResumeAsync(data);
            }
        }
    }

    [Theory]
    [InlineData("always")]
    [InlineData("batch")]
    public async Task The_capture_reports_its_commits_and_under_always_each_record_is_its_own_commit(string durability)
    {
        var recording = _folder.File("feed.jsonl");
        RecordingFile.Write(recording, SyntheticFeed.Frames(3_000));
        var data = _folder.File("data");
        await using var server = await FeedServerProcess.StartAsync(recording, "--speed", "max");
        await using var capture = CaptureRunner.Start(data, server.Url, "--durability", durability);
        var emitted = (await server.WaitForAsync("done", timeout: Bound)).Number("emitted");
        await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Count >= emitted, Bound, () => capture.Stderr);
        Assert.Equal(0, await capture.TerminateAsync(StopPromise));

        var journal = CapturedJournal.Read(data);
        var stored = StoredInCommits().Match(capture.Stderr);
        Assert.True(stored.Success, capture.Stderr);
        var records = long.Parse(stored.Groups["records"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var commits = long.Parse(stored.Groups["commits"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(journal.Records.Count, records);
        Assert.Equal(capture.Acks.Count, records);
        if (durability == "always")
        {
            Assert.Equal(records, commits);
        }
        else
        {
            // A full-speed burst: many frames wait together and share commits.
            Assert.InRange(commits, 1, records / 2);
        }
    }

    /// <summary>The projections stopped without catching up; the next start continues from their checkpoints to the journal's end.</summary>
    private static async Task AssertProjectionsResumeAsync(string data)
    {
        var project = await VectraProcess.RunAsync("project", "--data", data);
        Assert.True(project.ExitCode == 0, project.ToString());
        using var reader = JournalReader.Open(data);
        Assert.All(ProjectionStates.Read(data, 0), state => Assert.Equal(reader.Tail, state.Checkpoint));
    }

    [GeneratedRegex(@"this run stored (?<records>[\d,]+) records in (?<commits>[\d,]+) commits")]
    private static partial Regex StoredInCommits();

    public void Dispose() => _folder.Dispose();
}
