using System.Text;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Capture;

[Collection(CaptureIntegration.Name)]
[Trait("Category", CaptureIntegration.Category)]
public sealed class CaptureLifecycleTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task SIGTERM_stops_the_capture_with_exit_0_within_5_s_and_a_clean_session_stop_and_a_second_runner_is_refused_at_once()
    {
        var data = Path.Combine(_folder.Path, "data");
        await using var server = await FeedServerProcess.StartAsync(WriteRecording(SyntheticFeed.Frames(500)), "--speed", "max");
        await using var capture = CaptureRunner.Start(data, server.Url);
        await capture.WaitForAcksAsync(500, Bound, server);

        var second = await VectraProcess.RunAsync("capture", "--url", server.Url.ToString(), "--data", data);
        Assert.Equal(3, second.ExitCode);
        Assert.Contains("already open for writing by process", second.Stderr);
        Assert.False(capture.HasExited);

        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(5)));
        var journal = CapturedJournal.Read(data);
        Assert.True(journal.Records.Count >= 3, string.Join('\n', journal.Records.TakeLast(4).Select(r => $"{r.Seq} {r.Event} {CapturedJournal.Text(r)[..Math.Min(80, r.Args.Length)]}")));
        Assert.Equal("$connection.close", journal.Records[^2].Event);
        Assert.Equal("$session.stop", journal.Records[^1].Event);
        Assert.Equal("[{\"clean\":true}]", CapturedJournal.Text(journal.Records[^1]));
        Assert.Equal("shutdown", CaptureReconnectTests.Field(journal.Records[^2], "reason"));
        Assert.Equal(500, journal.Frames.Count);

        var status = await VectraProcess.RunAsync("status", "--data", data);
        Assert.Contains("capture     1 sessions (1 stopped cleanly), 1 connections", status.Stdout);
    }

    [Fact]
    public async Task A_binary_attachment_a_unicode_event_name_and_a_20_MB_frame_are_handled_and_the_frames_after_them_are_captured()
    {
        // Both cores busy, as on a loaded CI machine (SocketIOClient's own socket then took over 30 s
        // to assemble the 20 MB frame, and the default watchdog cut the connection under it).
        using var busy = new BusyCores();
        var data = Path.Combine(_folder.Path, "data");
        // A steady trickle (40 frames/s) like the live feed.
        await using var server = await FeedServerProcess.StartAsync(WriteRecording(SyntheticFeed.Frames(4_000)), "--speed", "0.01");
        await using var capture = CaptureRunner.Start(data, server.Url);
        await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Count >= 20, Bound, () => capture.Stderr);

        await server.SendAsync("binary bin");
        await server.SendAsync("big after-binary 3");
        await server.SendAsync("big événement/🎲 5");
        await server.SendAsync("big huge 20000000");
        await server.SendAsync("big after-huge 3");
        var journal = await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Any(f => f.Event == "after-huge"), Bound, () => capture.Stderr);

        string[] sent = ["bin", "after-binary", "événement/🎲", "huge", "after-huge"];
        // SocketIOClient drops an event with a binary attachment before any handler sees it (README: a known
        // limit); the capture sees its header on the socket and journals a refusal saying so, in its place.
        Assert.Equal(["after-binary", "événement/🎲", "huge", "after-huge"], journal.Frames.Select(f => f.Event).Where(sent.Contains));
        var refusal = Assert.Single(journal.System("$capture.refused"));
        Assert.Contains("event 'bin' with 1 binary attachment(s)", CapturedJournal.Text(refusal));
        Assert.True(refusal.Seq < journal.Frames.Single(f => f.Event == "after-binary").Seq);
        Assert.Contains("event 'bin' with 1 binary attachment(s)", capture.Stderr);
        Assert.Equal(20_000_004, journal.Frames.Single(f => f.Event == "huge").Args.Length);
        Assert.Equal("[\"xxxxx\"]", CapturedJournal.Text(journal.Frames.Single(f => f.Event == "événement/🎲")));
        Assert.Empty(journal.System("$connection.close"));
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_frame_still_arriving_when_the_watchdog_time_has_passed_keeps_its_connection_and_is_captured()
    {
        var data = Path.Combine(_folder.Path, "data");
        await using var server = await FeedServerProcess.StartAsync(WriteRecording(SyntheticFeed.Frames(4_000)), "--speed", "0.01");
        await using var capture = CaptureRunner.Start(data, server.Url, "--watchdog", "3");
        await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Count >= 20, Bound, () => capture.Stderr);

        // 2 MB in 20 pieces over 9 s: no frame is delivered for three watchdog periods, but bytes keep coming.
        await server.SendAsync("slow slowpoke 2000000 9000");
        await server.WaitForAsync("ok", timeout: Bound);
        await server.SendAsync("big after-slow 3");
        var journal = await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Any(f => f.Event == "after-slow"), Bound, () => capture.Stderr);

        Assert.Equal(2_000_004, journal.Frames.Single(f => f.Event == "slowpoke").Args.Length);
        Assert.Empty(journal.System("$connection.close"));
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_frame_with_a_reserved_name_is_replaced_by_a_refusal_and_the_frames_beside_it_are_kept()
    {
        var data = Path.Combine(_folder.Path, "data");
        await using var server = await FeedServerProcess.StartAsync(WriteRecording(SyntheticFeed.Frames(4_000)), "--speed", "0.01");
        await using var capture = CaptureRunner.Start(data, server.Url);
        await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Count >= 20, Bound, () => capture.Stderr);

        await server.SendAsync("big before 3");
        await server.SendAsync("big $session.stop 3");
        await server.SendAsync("big after 3");
        var journal = await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Any(f => f.Event == "after"), Bound, () => capture.Stderr);

        var refusals = journal.System("$capture.refused");
        var refusal = Assert.Single(refusals);
        Assert.Equal(1, refusal.Conn);
        Assert.Contains("reserved", CapturedJournal.Text(refusal));
        Assert.InRange(refusal.Seq, journal.Frames.Single(f => f.Event == "before").Seq, journal.Frames.Single(f => f.Event == "after").Seq);
        Assert.DoesNotContain(journal.Records, r => r.Event == "$session.stop");
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task After_a_malformed_packet_silences_the_client_the_watchdog_reconnects_and_capture_continues()
    {
        var data = Path.Combine(_folder.Path, "data");
        await using var server = await FeedServerProcess.StartAsync(WriteRecording(SyntheticFeed.Frames(4_000)), "--speed", "0.01");
        await using var capture = CaptureRunner.Start(data, server.Url, "--watchdog", "2");
        await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Count >= 20, Bound, () => capture.Stderr);

        await server.SendAsync("raw 42garbage");
        var journal = await CapturedJournal.WaitUntilAsync(data, j => j.System("$connection.open").Count >= 2, Bound, () => capture.Stderr);
        Assert.StartsWith("watchdog", CaptureReconnectTests.Field(journal.System("$connection.close")[0], "reason"));
        await server.SendAsync("big after-garbage 3");

        await CapturedJournal.WaitUntilAsync(data, j => j.Frames.Any(f => f.Event == "after-garbage"), Bound, () => capture.Stderr);
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(5)));
    }

    private string WriteRecording(IReadOnlyList<Vectra.Runner.Capture.ReceivedFrame> frames)
    {
        var path = Path.Combine(_folder.Path, "recording.jsonl");
        RecordingFile.Write(path, frames);
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
