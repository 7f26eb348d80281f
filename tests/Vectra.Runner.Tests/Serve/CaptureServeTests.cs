using System.Text.Json;
using System.Text.RegularExpressions;
using Vectra.Runner.Tests.Capture;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Serve;

/// <summary><c>vectra capture --serve</c>: the dashboard inside a real capture of the Node feed server, with the capture's own metrics.</summary>
[Trait("Category", CaptureIntegration.Category)]
public sealed partial class CaptureServeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_capture_with_serve_exports_its_frames_appends_and_commit_latency_and_reports_ready()
    {
        using var folder = new TempFolder();
        var recording = RecordingFile.WriteSimulated(folder.File("feed.jsonl"), 3, 5);
        var data = folder.File("data");
        await using var server = await FeedServerProcess.StartAsync(recording, "--speed", "max");
        await using var capture = CaptureRunner.Start(data, server.Url, "--serve", "--urls", "http://127.0.0.1:0");

        var done = await server.WaitForAsync("done", timeout: Generous);
        var emitted = done.Number("emitted");
        await CapturedJournal.WaitUntilAsync(data, journal => journal.Frames.Count >= emitted, Generous, () => capture.Stderr);
        var dashboard = new Uri(DashboardAddress().Match(capture.Stderr).Value);
        using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(60) };
        var samples = PrometheusText.Parse(await http.GetStringAsync("/metrics"));
        var ready = await http.GetAsync("/readyz");
        var now = await http.GetStringAsync("/");
        var status = await VectraProcess.RunAsync("status", "--data", data, "--json");
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(5)));

        var records = JsonDocument.Parse(status.Stdout).RootElement.GetProperty("records").GetInt64();
        Assert.Equal(emitted, (long)Value(samples, "vectra_capture_frames_total"));
        Assert.Equal(emitted, (long)Value(samples, "vectra_journal_commit_duration_seconds_count"));
        Assert.True(Value(samples, "vectra_capture_received_bytes_total") > emitted * 100);
        Assert.True(Value(samples, "vectra_journal_appends_total") >= emitted);
        Assert.Equal(0, Value(samples, "vectra_capture_queue_depth"));
        Assert.Contains(samples, s => s.Name == "vectra_capture_blind_seconds");
        Assert.InRange(Value(samples, "vectra_journal_records"), emitted, records);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("data-fact=\"capture-state\">connected<", now, StringComparison.Ordinal);
        Assert.Contains("data-fact=\"queued\">0<", now, StringComparison.Ordinal);
    }

    private static double Value(List<PrometheusText.Sample> samples, string name) =>
        Assert.Single(samples, s => s.Name == name).Value;

    [GeneratedRegex(@"(?<=dashboard at )http://127\.0\.0\.1:\d+")]
    private static partial Regex DashboardAddress();
}
