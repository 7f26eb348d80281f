using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Runner.Capture;
using Vectra.Runner.Serve.Metrics;

namespace Vectra.Runner.Bench;

/// <summary>
/// <c>bench capture --serve</c>: whether serving the dashboard slows a running capture. Three pairs of runs, alternately
/// without and with the dashboard in the capturing process and a client polling every page once a second; each run
/// captures the same recording at full speed into a fresh copy of one data folder whose views.db lists 10,000 games
/// (<see cref="ServeBenchGames"/>), so the pages do the work they do over a long capture.
/// </summary>
internal sealed class ServedCaptureBenchmark(string folder, string serverFolder, int frames, int frameBytes, Durability durability)
{
    private const int Pairs = 3;
    private const int ListedGames = 10_000;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>One run's figures; <c>Serving</c> is the polling client's summary, or null without the dashboard.</summary>
    public sealed record Run(int Number, bool Served, int Frames, double FramesPerSecond, double P50Ms, double P99Ms, string? Serving);

    public async Task<IReadOnlyList<Run>> RunAsync(Action<string> log)
    {
        var template = Path.Combine(folder, "template");
        log($"bench capture --serve: building a data folder that lists {ListedGames:N0} games…");
        var gameId = await ServeBenchGames.CreateAsync(template, ListedGames);
        var recording = Path.Combine(folder, "recording.jsonl");
        BenchRecording.Write(recording, frames, frameBytes);
        var runs = new List<Run>();
        for (var i = 0; i < Pairs * 2; i++)
        {
            var served = i % 2 == 1;
            var run = await RunOnceAsync(i + 1, served, template, recording, gameId);
            log($"run {run.Number} ({(served ? "serving" : "not serving")}): {run.FramesPerSecond:N0} frames/s, p50 {run.P50Ms} ms, p99 {run.P99Ms} ms{(served ? "; " + run.Serving : "")}");
            runs.Add(run);
        }
        return runs;
    }

    private async Task<Run> RunOnceAsync(int number, bool served, string template, string recording, string gameId)
    {
        var data = Path.Combine(folder, $"run-{number}");
        CopyData(template, data);
        using var server = await FeedServerLauncher.StartAsync(serverFolder, Path.GetFullPath(recording));
        var latency = new CaptureLatencyObserver(frames, TimeProvider.System);
        var host = CaptureHost.Configure(settings =>
        {
            settings.Url = $"http://127.0.0.1:{server.Port}";
            settings.Durability = durability.Name;
            settings.Projections = false;
            settings.Data = data;
        });
        IDurableRecordsObserver[] observers = served ? [latency, new CaptureMetricsObserver(TimeProvider.System)] : [latency];
        string? serving = null;
        using (var writer = JournalWriter.Open(data, durability))
        using (var app = host.Build(writer, TimeProvider.System, observers))
        {
            await app.StartAsync();
            var load = served ? CaptureServeLoad.Start(data, app.Services, gameId) : null;
            try
            {
                await latency.AllDurable.WaitAsync(Limit);
            }
            finally
            {
                if (load is not null)
                {
                    await load.DisposeAsync();
                    serving = load.Summary;
                }
            }
            await app.StopAsync();
            if (app.Services.GetRequiredService<CaptureService>().Failure is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }
        Directory.Delete(data, recursive: true);
        var seconds = (latency.LastDurableMicros - latency.FirstReceivedMicros) / 1e6;
        return new Run(number, served, latency.Count, Math.Round(latency.Count / seconds), Math.Round(latency.PercentileMs(50), 1), Math.Round(latency.PercentileMs(99), 1), serving);
    }

    /// <summary>The template's journal and views files (not its lock or owner files, which belong to the process that wrote them).</summary>
    private static void CopyData(string template, string data)
    {
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(template).Where(f => f.Contains(".db", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }
    }
}
