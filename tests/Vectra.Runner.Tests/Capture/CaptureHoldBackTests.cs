using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Capture;

/// <summary>
/// A capture whose journal is slower than the feed holds back reading once its queue holds <c>Capture:QueueBytes</c> of
/// frames, instead of filling memory or losing frames: the feed waits in the network's buffers.
/// </summary>
[Collection(CaptureIntegration.Name)]
[Trait("Category", CaptureIntegration.Category)]
public sealed class CaptureHoldBackTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_journal_slower_than_the_feed_gets_every_frame_in_order_with_no_overflow_and_no_watchdog_reconnect()
    {
        const int Sent = 400;
        var frames = SyntheticFeed.Frames(Sent);
        var recording = _folder.File("feed.jsonl");
        RecordingFile.Write(recording, frames);
        var data = _folder.File("data");
        await using var server = await FeedServerProcess.StartAsync(recording, "--speed", "max");
        await using var capture = CaptureRunner.StartWithEnvironment(data, server.Url, new Dictionary<string, string>
        {
            // 20 ms per record, 64 records a store: the journal takes 1.3 s per store, longer than the 1 s watchdog.
            ["VECTRA__CAPTURE__SIMULATEDSLOWDISKMSPERRECORD"] = "20",
            // Room for a few frames only, and 50 frames at most before frames would be counted as lost.
            ["VECTRA__CAPTURE__QUEUEBYTES"] = "2000",
            ["VECTRA__CAPTURE__QUEUECAPACITY"] = "50",
        }, "--watchdog", "1");

        Assert.Equal(Sent, (await server.WaitForAsync("done", timeout: Bound)).Number("emitted"));
        await capture.WaitForAcksAsync(Sent + 2, Bound, server);
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(30)));

        var journal = CapturedJournal.Read(data);
        Assert.Equal(frames.Select(f => (f.Event, f.ArgsJson)), journal.Frames.Select(f => (f.Event, CapturedJournal.Text(f))));
        Assert.Empty(journal.System("$capture.overflow"));
        Assert.Single(journal.System("$connection.open"));
        Assert.Equal("shutdown", CaptureReconnectTests.Field(journal.System("$connection.close").Single(), "reason"));
    }

    public void Dispose() => _folder.Dispose();
}
