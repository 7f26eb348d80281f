using Vectra.Runner.Tests.Capture;

namespace Vectra.Runner.Tests.Nats;

/// <summary>
/// Issue 14's acceptance, with real nats-server processes on loopback, real feed-server and real vectra processes.
/// The tests of this class run one after another (a class is one xunit collection); they run beside other classes.
/// </summary>
public sealed class NatsCaptureTests(NatsRecording recording) : IClassFixture<NatsRecording>
{
    private const double Speed = 20;

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
}
