namespace Vectra.Runner.Tests.FeedServer;

public sealed class FeedServerControlTests : IDisposable
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    private readonly string folder = Directory.CreateTempSubdirectory("vectra-feed-").FullName;

    [Fact]
    public async Task After_a_dropped_transport_the_client_reconnects_by_itself_and_the_feed_continues_with_the_next_frame()
    {
        var frames = SyntheticFeed.Frames(3_000);
        await using var server = await FeedServerProcess.StartAsync(WriteRecording(frames), "--speed", "max", "--drop-at", "1000");
        using var client = new CapturingClient(server.Url, reconnection: true);

        await client.ConnectAsync();
        var done = await server.WaitForAsync("done", timeout: DeliveryTimeout);
        var received = await client.WaitForFramesAsync(frames.Count, DeliveryTimeout);

        Assert.Equal(["transport close"], client.DisconnectReasons);
        Assert.Equal(2, server.Reports.Count(report => report.Type == "connected"));
        Assert.Equal(done.Number("emitted"), received.Count);
        Assert.Equal(frames, received);
    }

    [Fact]
    public async Task An_argument_of_two_megabytes_arrives_whole()
    {
        var frames = SyntheticFeed.Frames(10);
        await using var server = await FeedServerProcess.StartAsync(WriteRecording(frames), "--speed", "max");
        using var client = new CapturingClient(server.Url, reconnection: false);
        await client.ConnectAsync();
        await server.WaitForAsync("done");

        await server.SendAsync("big big 2000000");
        var received = await client.WaitForFramesAsync(frames.Count + 1, DeliveryTimeout);

        var big = Assert.Single(received, frame => frame.Event == "big");
        Assert.Equal("[\"" + new string('x', 2_000_000) + "\"]", big.ArgsJson);
    }

    [Fact]
    public async Task SocketIOClient_does_not_deliver_an_event_with_a_binary_attachment_to_OnAny()
    {
        var frames = SyntheticFeed.Frames(10);
        await using var server = await FeedServerProcess.StartAsync(WriteRecording(frames), "--speed", "max");
        using var client = new CapturingClient(server.Url, reconnection: false);
        await client.ConnectAsync();
        await server.WaitForAsync("done");

        await server.SendAsync("binary bin");
        await server.SendAsync("big after 3");
        var received = await client.WaitForFramesAsync(frames.Count + 1, DeliveryTimeout);

        // "after" was sent behind "bin" on the same connection, so "bin" would have come first.
        Assert.Equal("after", received[^1].Event);
        Assert.DoesNotContain(received, frame => frame.Event == "bin");
    }

    private string WriteRecording(IReadOnlyList<Vectra.Runner.Capture.ReceivedFrame> frames)
    {
        var path = Path.Combine(folder, "recording.jsonl");
        RecordingFile.Write(path, frames);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
