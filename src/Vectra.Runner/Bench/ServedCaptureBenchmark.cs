using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Runner.Capture;
using Vectra.Runner.Serve.Metrics;

namespace Vectra.Runner.Bench;

/// <summary>
/// <c>bench capture --serve</c>: whether serving the dashboard slows a running capture. Pairs of runs without and with
/// the dashboard in the capturing process and a viewer in another process polling every page once a second, in the order
/// off, serving, serving, off, off, serving, … (so a drift of the machine over the invocation weighs on both kinds alike),
/// after one uncounted warm-up run; each run
/// captures the same recording, at full speed or at a steady rate, into a fresh copy of one data folder whose views.db
/// lists 10,000 games (<see cref="ServeBenchGames"/>), so the pages do the work they do over a long capture.
/// </summary>
/// <remarks>Failure policy: a capture failure or a run longer than ten minutes ends the benchmark with that error; nothing is retried.</remarks>
internal sealed class ServedCaptureBenchmark(string folder, string serverFolder, ServedCaptureSettings settings)
{
    private const int ListedGames = 10_000;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// One run's figures: frames durable per second, the rate they arrived at, receive→durable latency; <c>Serving</c> is
    /// what the polling client saw, or null without the dashboard. <c>CpuMs</c> is the capturing process's CPU time over
    /// the run (capture and dashboard; not the feed server or the viewer), which a busy machine inflates far less than latency.
    /// </summary>
    public sealed record Run(int Number, bool Served, int Frames, double FramesPerSecond, double ReceivedPerSecond, double P50Ms, double P99Ms, double MaxMs, ServingFigures? Serving, GcFigures Gc, double CpuMs);

    public async Task<IReadOnlyList<Run>> RunAsync(Action<string> log)
    {
        var template = Path.Combine(folder, "template");
        log($"bench capture --serve: building a data folder that lists {ListedGames:N0} games…");
        var gameId = await ServeBenchGames.CreateAsync(template, ListedGames);
        var recording = Path.Combine(folder, "recording.jsonl");
        BenchRecording.Write(recording, settings.Frames, settings.FrameBytes, settings.GapMicros);
        var warmUp = await RunOnceAsync(0, served: false, template, recording, gameId);
        log($"run 0 (warm-up, not counted: the process's first capture pays for JIT compilation, which would weigh on the first off run alone): p99 {warmUp.P99Ms} ms; CPU {warmUp.CpuMs:N0} ms");
        var runs = new List<Run>();
        for (var i = 0; i < settings.Pairs * 2; i++)
        {
            var served = i % 4 is 1 or 2;
            var run = await RunOnceAsync(i + 1, served, template, recording, gameId);
            log($"run {run.Number} ({(served ? "serving" : "not serving")}): {run.FramesPerSecond:N0} frames/s, p50 {run.P50Ms} ms, p99 {run.P99Ms} ms, max {run.MaxMs} ms; CPU {run.CpuMs:N0} ms; {run.Gc}{(served ? "; " + run.Serving : "")}");
            runs.Add(run);
        }
        return runs;
    }

    private async Task<Run> RunOnceAsync(int number, bool served, string template, string recording, string gameId)
    {
        var data = Path.Combine(folder, $"run-{number}");
        CopyData(template, data);
        using var server = await FeedServerLauncher.StartAsync(serverFolder, Path.GetFullPath(recording), settings.Speed);
        var latency = new CaptureLatencyObserver(settings.Frames, TimeProvider.System);
        var host = CaptureHost.Configure(capture =>
        {
            capture.Url = $"http://127.0.0.1:{server.Port}";
            capture.Durability = settings.Durability.Name;
            capture.Projections = false;
            capture.Data = data;
        });
        IDurableRecordsObserver[] observers = served ? [latency, new CaptureMetricsObserver(TimeProvider.System)] : [latency];
        ServingFigures? serving = null;
        var gc = default(GcFigures);
        var cpu = TimeSpan.Zero;
        using (var writer = JournalWriter.Open(data, settings.Durability))
        using (var app = host.Build(writer, TimeProvider.System, observers))
        {
            var load = served ? await CaptureServeLoad.StartAsync(data, app.Services, gameId, serverFolder) : null;
            gc = GcFigures.Start();
            cpu = ProcessCpu();
            await app.StartAsync();
            try
            {
                await latency.AllDurable.WaitAsync(Limit);
                gc = gc.Stop();
                cpu = ProcessCpu() - cpu;
            }
            finally
            {
                if (load is not null)
                {
                    await load.DisposeAsync();
                    serving = load.Figures;
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
        var receiving = (latency.LastReceivedMicros - latency.FirstReceivedMicros) / 1e6;
        return new Run(number, served, latency.Count, Math.Round(latency.Count / seconds), Math.Round((latency.Count - 1) / Math.Max(receiving, 1e-6)),
            Math.Round(latency.PercentileMs(50), 1), Math.Round(latency.PercentileMs(99), 1), Math.Round(latency.PercentileMs(100), 1), serving, gc, Math.Round(cpu.TotalMilliseconds));
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
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
