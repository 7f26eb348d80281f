using Vectra.Journal.Reading;
using Vectra.Projections.Runtime;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Capture;

/// <summary>Projections run live inside `vectra capture` (and resume after it); a rebuild from the journal afterwards must give the same tables.</summary>
[Collection(CaptureIntegration.Name)]
[Trait("Category", CaptureIntegration.Category)]
public sealed class CaptureProjectionsTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Tables_built_live_during_a_capture_with_a_reconnect_equal_a_rebuild_from_the_journal()
    {
        using var folder = new TempFolder();
        var recording = RecordingFile.WriteSimulated(folder.File("feed.jsonl"), 8, 23);
        var data = folder.File("data");
        await using var server = await FeedServerProcess.StartAsync(recording, "--speed", "max", "--kick-at", "1500");
        await using var capture = CaptureRunner.StartWithProjections(data, server.Url);

        var done = await server.WaitForAsync("done", timeout: Generous);
        var emitted = done.Number("emitted");
        await CapturedJournal.WaitUntilAsync(data, journal => journal.Frames.Count >= emitted, Generous, () => capture.Stderr);
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(5)));
        // A stop does not wait for the projections to catch up; the next start resumes them from their checkpoints.
        var resume = await VectraProcess.RunAsync("project", "--data", data);
        Assert.True(resume.ExitCode == 0, resume.ToString());

        var tables = ViewsDump.RugsTables.Concat(ViewsDump.CaptureTables).ToArray();
        var live = ViewsDump.Text(data, tables);
        var states = ProjectionStates.Read(data, 0).ToDictionary(s => s.Name);
        using (var reader = JournalReader.Open(data))
        {
            Assert.Equal(reader.Tail, states["rugs"].Checkpoint);
        }
        Assert.Contains("\"reason\":\"io server disconnect\"", live);
        Assert.Contains("\"rug_tick\":", live);

        var rebuild = await VectraProcess.RunAsync("rebuild", "--data", data);
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Equal(live, ViewsDump.Text(data, tables));
    }
}
