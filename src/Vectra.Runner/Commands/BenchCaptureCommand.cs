using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vectra.Journal;
using Vectra.Journal.Blocks;
using Vectra.Journal.Writing;
using Vectra.Runner.Bench;
using Vectra.Runner.Capture;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench capture</c>: the whole capture path (Socket.IO → queue → durable journal) against the local feed server, at full speed or at a steady rate.</summary>
internal static class BenchCaptureCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(2);

    public static Command Create()
    {
        var frames = new Option<int>("--frames") { Description = "How many frames the server sends.", DefaultValueFactory = _ => 50_000 };
        var frameBytes = new Option<int>("--frame-bytes") { Description = "Typical args size; frames vary from ¾ to 1½ of it (4000 gives the live feed's 3–6 KB).", DefaultValueFactory = _ => 4_000 };
        var durability = new Option<string>("--durability") { Description = "always | batch", DefaultValueFactory = _ => "batch" };
        var rate = new Option<int>("--rate")
        {
            Description = "Frames per second the server sends, steadily (the live feed's situation: below saturation); 0 sends as fast as the capture takes them. Also applies to every run of --serve.",
            DefaultValueFactory = _ => 0,
        };
        var feedServer = new Option<string?>("--feed-server") { Description = "The tests/feed-server folder (found from the current folder by default)." };
        var noSeal = new Option<bool>("--no-seal") { Description = "Keep every record an uncompressed row during the run (no live sealing), to compare against the default, which seals as a capture does." };
        var serve = new Option<bool>("--serve")
        {
            Description = "Compare pairs of runs without and with the dashboard in the capturing process and a viewer in another process polling every page once a second (at full speed, or steadily at --rate): frames/s, receive→durable p50/p99/max, the pages' own request times, and a verdict on whether serving slowed the capture (BENCHMARKS.md, \"serve: the verdict's rule\").",
        };
        var pairs = new Option<int>("--pairs") { Description = "With --serve: how many pairs of runs without and with the dashboard, in the order off, serving, serving, off, …; 3 or more for a verdict.", DefaultValueFactory = _ => 3 };
        var minutes = new Option<double>("--minutes")
        {
            Description = "Instead of --frames: run the real `vectra capture`, live projections on, for this many minutes at full speed on a simulated session of --games games looped with fresh ids, and report its resident memory (now and peak, from /proc, every --sample-seconds; GNU time's %M at the end when /usr/bin/time exists).",
            DefaultValueFactory = _ => 0,
        };
        var games = new Option<int>("--games") { Description = "With --minutes: how many simulated games the looped recording holds (about 415 frames and 1.7 MB each).", DefaultValueFactory = _ => 200 };
        var sampleSeconds = new Option<int>("--sample-seconds") { Description = "With --minutes: seconds between the memory samples printed.", DefaultValueFactory = _ => 30 };
        var json = CommonOptions.Json();
        var command = new Command("capture", "Serve a generated recording through the Node feed server, as fast as it goes or at --rate frames/s, and capture it in-process: frames/s and receive→durable latency p50/p99. Works in a scratch folder under --data, removed afterwards.")
        {
            frames, frameBytes, durability, rate, feedServer, noSeal, serve, pairs, minutes, games, sampleSeconds, json,
        };
        command.SetAction(parse => parse.GetValue(minutes) != 0
            ? RunLongAsync(
                parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(minutes), parse.GetValue(games), parse.GetValue(sampleSeconds),
                parse.GetValue(feedServer), parse.GetValue(json)).GetAwaiter().GetResult()
            : parse.GetValue(serve)
            ? BenchCaptureServeCommand.RunAsync(
                parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(frames), parse.GetValue(frameBytes), parse.GetRequiredValue(durability),
                parse.GetValue(rate), parse.GetValue(pairs), parse.GetValue(feedServer), parse.GetValue(json)).GetAwaiter().GetResult()
            : RunAsync(
            parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(frames), parse.GetValue(frameBytes),
            parse.GetRequiredValue(durability), parse.GetValue(rate), parse.GetValue(feedServer), parse.GetValue(json),
            parse.GetValue(noSeal) ? SealPolicy.Off : SealPolicy.Default).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> RunLongAsync(string data, double minutes, int games, int sampleSeconds, string? feedServerFolder, bool json)
    {
        if (minutes is <= 0 or > 24 * 60 || games is < 1 or > 10_000 || sampleSeconds < 1)
        {
            throw new UsageException("--minutes takes more than 0 and at most 1440; --games from 1 to 10000; --sample-seconds at least 1.");
        }
        var serverFolder = FeedServerLauncher.Locate(feedServerFolder);
        if (!json)
        {
            Console.WriteLine($"vectra bench capture --minutes {minutes} --games {games}: `vectra capture` with live projections at full speed");
            Console.WriteLine("seconds  resident MB  peak MB  anon/file/shmem MB  frames sent  frames/s  acked seq   queued  projected seq  journal MB  views MB  exports MB");
        }
        var result = await CaptureMemoryBenchmark.RunAsync(data, minutes, games, sampleSeconds, serverFolder, sample =>
        {
            if (!json)
            {
                Console.WriteLine($"{sample.Seconds,7}  {sample.ResidentKb / 1024.0,11:F1}  {sample.PeakKb / 1024.0,7:F1}  {$"{sample.AnonKb >> 10}/{sample.FileKb >> 10}/{sample.ShmemKb >> 10}",18}  {sample.FramesSent,11:N0}  {sample.FramesPerSecond,8:N0}  {sample.AckedSeq,9:N0}  {sample.Queued,7:N0}  {sample.ProjectedSeq,13:N0}  {sample.JournalMegabytes,10:N0}  {sample.ViewsMegabytes,8:N0}  {sample.ExportsMegabytes,10:N0}");
            }
        });
        if (json)
        {
            ConsoleJson.Print(result);
        }
        else
        {
            Console.WriteLine($"machine: {result.Machine}");
            Console.WriteLine($"{result.FramesSent:N0} frames sent in {result.Seconds} s ({result.FramesSent / Math.Max(result.FramesPerPass, 1)} passes of {result.FramesPerPass:N0}); journal at seq {result.Journaled:N0}, projections at {result.ProjectedSeq:N0}");
            Console.WriteLine($"peak resident: {result.PeakSampledKb:N0} KB sampled from /proc" + (result.GnuTimePeakKb is { } gnu ? $", {gnu:N0} KB by GNU time %M" : ""));
            Console.WriteLine($"capture exit code: {result.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}" + (result.EndedEarly is { } early ? $"; ended early: {early}" : ""));
            foreach (var line in result.CaptureSaid.TakeLast(3))
            {
                Console.WriteLine($"  capture: {line}");
            }
        }
        return result.EndedEarly is null && result.ExitCode == 0 ? ExitCodes.Ok : ExitCodes.RuntimeFailure;
    }

    private static async Task<int> RunAsync(string data, int frames, int frameBytes, string durabilityName, int rate, string? feedServerFolder, bool json, SealPolicy sealing)
    {
        var durability = Durability.TryParse(durabilityName);
        if (durability is null || durability == Durability.None || frames < 1 || frameBytes < 100 || rate is < 0 or > 100_000)
        {
            throw new UsageException("--durability takes always or batch; --frames at least 1; --frame-bytes at least 100; --rate from 1 to 100000 frames/s, or 0 for full speed.");
        }
        var serverFolder = FeedServerLauncher.Locate(feedServerFolder);
        var folder = Path.Combine(data, "bench-capture-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var recording = Path.Combine(folder, "recording.jsonl");
            // At a rate, frames are recorded 1/rate s apart and played at the recorded pace.
            BenchRecording.Write(recording, frames, frameBytes, rate > 0 ? 1_000_000 / rate : BenchRecording.DefaultGapMicros);
            using var server = await FeedServerLauncher.StartAsync(serverFolder, Path.GetFullPath(recording), rate > 0 ? "1" : "max");
            var latency = new CaptureLatencyObserver(frames, TimeProvider.System);
            var host = CaptureHost.Configure(settings =>
            {
                settings.Url = $"http://127.0.0.1:{server.Port}";
                settings.Durability = durability.Name;
                settings.Projections = false;
                settings.Data = Path.Combine(folder, "data");
            });
            long commits, blocksSealed, recordsSealed;
            (TimeSpan Took, long RecordsSealed, bool CaughtUp) catchUp = default;
            GcFigures gc;
            TimeSpan cpu;
            using (var writer = JournalWriter.Open(host.Settings.Data!, durability, sealing))
            using (var app = host.Build(writer, TimeProvider.System, [latency]))
            {
                var gcAtStart = GcFigures.Start();
                var cpuAtStart = Environment.CpuUsage.TotalTime;
                await app.StartAsync();
                await latency.AllDurable.WaitAsync(Limit);
                commits = writer.Commits;
                blocksSealed = writer.Sealed.Blocks;
                recordsSealed = writer.Sealed.Records;
                gc = gcAtStart.Stop();
                cpu = Environment.CpuUsage.TotalTime - cpuAtStart;
                if (sealing.Enabled)
                {
                    catchUp = await SealingCatchUp.WaitAsync(writer, sealing, CatchUpLimit);
                }
                await app.StopAsync();
                if (app.Services.GetRequiredService<CaptureService>().Failure is { } failure)
                {
                    return CommandFailure.Report(failure);
                }
            }
            var seconds = (latency.LastDurableMicros - latency.FirstReceivedMicros) / 1e6;
            var receiving = (latency.LastReceivedMicros - latency.FirstReceivedMicros) / 1e6;
            var report = new
            {
                command = $"vectra bench capture --frames {frames} --frame-bytes {frameBytes} --durability {durability.Name}" + (rate > 0 ? $" --rate {rate}" : "") + (sealing.Enabled ? "" : " --no-seal"),
                machine = MachineDescription.Describe(),
                frames = latency.Count,
                megabytes = Math.Round(new FileInfo(recording).Length / 1e6, 1),
                seconds = Math.Round(seconds, 3),
                framesPerSecond = Math.Round(latency.Count / seconds),
                // What the capture was offered: at a rate, how steadily the server kept it.
                receivedPerSecond = Math.Round((latency.Count - 1) / Math.Max(receiving, 1e-6)),
                // Under always one per record (frames and the session's own records); under batch far fewer.
                commits,
                // Sealing really ran during the run (not after it): blocks stored before the last frame was durable.
                blocksSealed,
                recordsSealed,
                // What sealing left during the run (it gives way to a backlog), sealed after the last frame was durable.
                sealingCaughtUpSeconds = sealing.Enabled && catchUp.CaughtUp ? Math.Round(catchUp.Took.TotalSeconds, 1) : (double?)null,
                recordsSealedAfter = catchUp.RecordsSealed,
                cpuMs = Math.Round(cpu.TotalMilliseconds),
                gc = gc.ToString(),
                p50Ms = Math.Round(latency.PercentileMs(50), 3),
                p99Ms = Math.Round(latency.PercentileMs(99), 3),
            };
            if (json)
            {
                ConsoleJson.Print(report);
                return ExitCodes.Ok;
            }
            Console.WriteLine(report.command);
            Console.WriteLine($"machine: {report.machine}");
            Console.WriteLine($"capture process: {report.cpuMs:N0} ms CPU, {report.gc}");
            Console.WriteLine($"{report.frames:N0} frames ({report.megabytes} MB of recording) in {report.seconds} s: {report.framesPerSecond:N0} frames/s (received at {report.receivedPerSecond:N0}/s) in {report.commits:N0} commits, {report.blocksSealed:N0} blocks sealed ({report.recordsSealed:N0} records); receive→durable p50 {report.p50Ms} ms, p99 {report.p99Ms} ms");
            if (sealing.Enabled)
            {
                Console.WriteLine(report.sealingCaughtUpSeconds is { } took
                    ? $"after the last frame: sealing caught up in {took} s ({report.recordsSealedAfter:N0} more records sealed)"
                    : $"after the last frame: sealing had not caught up after {CatchUpLimit.TotalSeconds:N0} s ({report.recordsSealedAfter:N0} more records sealed)");
            }
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
