using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Capture;

[Collection(CaptureIntegration.Name)]
[Trait("Category", CaptureIntegration.Category)]
public sealed class CaptureReconnectTests(SimulatedRecording recording)
{
    private const long ResumeLimitMicros = 2_000_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task When_the_server_is_down_for_10_s_the_capture_retries_with_backoff_and_resumes_within_2_s_of_its_return()
    {
        using var data = new TempFolder();
        await using var server = await FeedServerProcess.StartAsync(recording.Path, "--speed", "max", "--stop-at", "2000:10000");
        await using var capture = CaptureRunner.Start(data.Path, server.Url);

        var back = await server.WaitForAsync("listening", occurrence: 2, timeout: Bound);
        var journal = await JournalAfterResumeAsync(data.Path, capture);

        var close = Assert.Single(journal.System("$connection.close"));
        Assert.Equal("transport close", Field(close, "reason"));
        var retries = journal.System("$connection.retry");
        Assert.True(retries.Count >= 2, $"only {retries.Count} retries in a 10 s outage");
        Assert.Equal(Enumerable.Range(1, retries.Count), retries.Select(r => (int)Number(r, "attempt")));
        Assert.All(retries.Skip(1), retry => Assert.StartsWith("connect failed", Field(retry, "error")));
        AssertResumedWithin(journal, back.Number("at"));
    }

    [Fact]
    public async Task After_the_server_kicks_the_client_the_capture_reconnects_by_itself_and_resumes_within_2_s()
    {
        using var data = new TempFolder();
        await using var server = await FeedServerProcess.StartAsync(recording.Path, "--speed", "max", "--kick-at", "2000");
        await using var capture = CaptureRunner.Start(data.Path, server.Url);

        var kicked = await server.WaitForAsync("action", timeout: Bound);
        var journal = await JournalAfterResumeAsync(data.Path, capture);

        Assert.Equal("io server disconnect", Field(Assert.Single(journal.System("$connection.close")), "reason"));
        var retry = Assert.Single(journal.System("$connection.retry"));
        Assert.InRange(Number(retry, "delayMs"), 500, 1000);
        AssertResumedWithin(journal, kicked.Number("at"));
    }

    [Fact]
    public async Task When_the_server_stalls_longer_than_the_watchdog_the_capture_reconnects_and_resumes_within_2_s_of_the_stall_ending()
    {
        using var data = new TempFolder();
        await using var server = await FeedServerProcess.StartAsync(recording.Path, "--speed", "max", "--stall-at", "2000:4000");
        await using var capture = CaptureRunner.Start(data.Path, server.Url, "--watchdog", "1");

        var stalled = await server.WaitForAsync("action", timeout: Bound);
        var journal = await JournalAfterResumeAsync(data.Path, capture);

        var closes = journal.System("$connection.close");
        Assert.NotEmpty(closes);
        Assert.All(closes, close => Assert.StartsWith("watchdog", Field(close, "reason")));
        Assert.Equal(closes.Count, journal.System("$connection.retry").Count);
        AssertResumedWithin(journal, stalled.Number("at") + 4_000_000);
    }

    /// <summary>Waits until frames follow the last <c>$connection.open</c> of a journal that saw at least one close.</summary>
    private static Task<CapturedJournal> JournalAfterResumeAsync(string data, CaptureRunner capture) =>
        CapturedJournal.WaitUntilAsync(data, journal =>
        {
            var close = journal.System("$connection.close");
            if (close.Count == 0)
            {
                return false;
            }
            var lastOpen = journal.System("$connection.open")[^1];
            return lastOpen.Seq > close[^1].Seq && journal.Records.Any(r => r.Seq > lastOpen.Seq && !r.Event.StartsWith('$'));
        }, Bound, () => capture.Stderr);

    private static void AssertResumedWithin(CapturedJournal journal, long reachableAgainMicros)
    {
        var lastOpen = journal.System("$connection.open")[^1];
        var firstFrame = journal.Records.First(r => r.Seq > lastOpen.Seq && !r.Event.StartsWith('$'));
        var resumedAfter = firstFrame.Ts - reachableAgainMicros;
        Assert.True(resumedAfter <= ResumeLimitMicros,
            $"the first frame after the server was reachable again came {resumedAfter / 1000} ms later (at {MetaTime.ToIso(firstFrame.Ts)})");
        var sequence = journal.Records.Where(r => r.Event.StartsWith("$connection", StringComparison.Ordinal)).Select(r => r.Event).ToList();
        Assert.Equal("$connection.open", sequence[0]);
        Assert.Equal("$connection.open", sequence[^1]);
    }

    internal static string? Field(JournalRecord record, string name)
    {
        using var args = JsonDocument.Parse(record.Args);
        return args.RootElement[0].GetProperty(name).GetString();
    }

    internal static long Number(JournalRecord record, string name)
    {
        using var args = JsonDocument.Parse(record.Args);
        return args.RootElement[0].GetProperty(name).GetInt64();
    }
}
