using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Capture;

[Collection(CaptureIntegration.Name)]
[Trait("Category", CaptureIntegration.Category)]
public sealed class CaptureFidelityTests(SimulatedRecording recording)
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_frame_the_server_emitted_is_journaled_once_in_order_byte_identical()
    {
        Assert.True(recording.FrameCount >= SimulatedRecording.MinimumFrames, $"the recording has only {recording.FrameCount} frames");
        using var data = new TempFolder();
        await using var server = await FeedServerProcess.StartAsync(recording.Path, "--speed", "max",
            "--origin-required", "https://rugs.fun", "--query-required", "frontend-version=1.0");
        await using var capture = CaptureRunner.Start(data.Path, server.Url);

        var done = await server.WaitForAsync("done", timeout: Generous);
        var emitted = done.Number("emitted");
        await CapturedJournal.WaitUntilAsync(data.Path, journal => journal.Frames.Count >= emitted, Generous, () => capture.Stderr);
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(recording.FrameCount, emitted);
        using var reader = JournalReader.Open(data.Path);
        var journaled = reader.ReadSeqRange(1, long.MaxValue).Where(r => !r.Event.StartsWith('$'));
        var compared = 0L;
        using (var expected = SimulatedRecording.Frames().GetEnumerator())
        {
            foreach (var frame in journaled)
            {
                Assert.True(expected.MoveNext(), $"frame at seq {frame.Seq} is more than the server emitted");
                AssertSameFrame(expected.Current, frame);
                compared++;
            }
        }
        Assert.Equal(emitted, compared);
    }

    internal static void AssertSameFrame(JournalRecord expected, JournalRecord journaled)
    {
        Assert.True(expected.Event == journaled.Event && expected.Args.AsSpan().SequenceEqual(journaled.Args),
            $"seq {journaled.Seq}: journaled {journaled.Event} ({journaled.Args.Length} bytes) but the recording has {expected.Event} ({expected.Args.Length} bytes) there");
        Assert.Equal("live", journaled.Source);
        Assert.True(journaled.Conn >= 1, $"seq {journaled.Seq}: a frame has connection number {journaled.Conn}");
    }
}
