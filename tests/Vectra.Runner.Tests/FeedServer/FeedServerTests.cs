using Vectra.Runner.Capture;

namespace Vectra.Runner.Tests.FeedServer;

public sealed class FeedServerTests : IDisposable
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    private readonly string folder = Directory.CreateTempSubdirectory("vectra-feed-").FullName;

    [Fact]
    public async Task Every_recorded_frame_reaches_a_SocketIOClient_byte_identical_and_in_order()
    {
        var frames = SyntheticFeed.Frames(10_000);
        var recording = Path.Combine(folder, "recording.jsonl");
        var skippedLines = RecordingFile.Write(recording, frames);
        await using var server = await FeedServerProcess.StartAsync(recording,
            "--speed", "max", "--origin-required", "https://rugs.fun", "--query-required", "frontend-version=1.0");
        using var client = new CapturingClient(server.Url, reconnection: false);

        await client.ConnectAsync();
        var done = await server.WaitForAsync("done", timeout: DeliveryTimeout);
        var received = await client.WaitForFramesAsync(frames.Count, DeliveryTimeout);

        Assert.Equal(frames.Count, done.Number("emitted"));
        Assert.Equal(skippedLines, done.Number("skipped"));
        Assert.Equal(done.Number("emitted"), received.Count);
        AssertSameFrames(frames, received);
    }

    [Fact]
    public async Task After_a_server_kick_the_client_reconnects_and_the_feed_continues_with_the_next_frame()
    {
        var frames = SyntheticFeed.Frames(3_000);
        var recording = Path.Combine(folder, "recording.jsonl");
        RecordingFile.Write(recording, frames);
        await using var server = await FeedServerProcess.StartAsync(recording, "--speed", "max", "--kick-at", "1000");
        using var client = new CapturingClient(server.Url, reconnection: false);

        await client.ConnectAsync();
        var reasons = await client.WaitForDisconnectsAsync(1, DeliveryTimeout);
        Assert.Equal(["io server disconnect"], reasons);
        Assert.Equal(1000, client.Frames.Count);

        // SocketIOClient, like socket.io-client, does not reconnect by itself after "io server disconnect".
        await client.ConnectAsync();
        var done = await server.WaitForAsync("done", timeout: DeliveryTimeout);
        var received = await client.WaitForFramesAsync(frames.Count, DeliveryTimeout);

        Assert.Equal(2, server.Reports.Count(report => report.Type == "connected"));
        Assert.Equal(frames.Count, done.Number("emitted"));
        Assert.Equal(done.Number("emitted"), received.Count);
        AssertSameFrames(frames, received);
    }

    private static void AssertSameFrames(IReadOnlyList<ReceivedFrame> expected, IReadOnlyList<ReceivedFrame> received)
    {
        for (var i = 0; i < Math.Min(expected.Count, received.Count); i++)
        {
            Assert.True(expected[i] == received[i], $"frame {i + 1} differs:\nexpected {expected[i]}\nreceived {received[i]}");
        }
        Assert.Equal(expected.Count, received.Count);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
