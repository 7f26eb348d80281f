using System.Globalization;
using Vectra.Journal;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench capture --serve</c>: capture figures without and with the dashboard serving, from alternating runs.</summary>
internal static class BenchCaptureServeCommand
{
    public static async Task<int> RunAsync(string data, int frames, int frameBytes, string durabilityName, int rate, int pairs, string? feedServerFolder, bool json)
    {
        var durability = Durability.TryParse(durabilityName);
        if (durability is null || durability == Durability.None || frames < 1 || frameBytes < 100 || rate is < 0 or > 100_000 || pairs is < 1 or > 20)
        {
            throw new UsageException("--durability takes always or batch; --frames at least 1; --frame-bytes at least 100; --rate from 1 to 100000 frames/s, or 0 for full speed; --pairs from 1 to 20.");
        }
        var settings = new ServedCaptureSettings(frames, frameBytes, durability, rate, pairs);
        var serverFolder = FeedServerLauncher.Locate(feedServerFolder);
        var folder = Path.Combine(data, "bench-capture-serve-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var runs = await new ServedCaptureBenchmark(folder, serverFolder, settings).RunAsync(line => Console.Error.WriteLine(line));
            var verdict = ServedCaptureVerdict.Of(runs);
            if (json)
            {
                ConsoleJson.Print(new { command = settings.Command, machine = MachineDescription.Describe(), runs, comparisons = verdict.Slowing.Append(verdict.Cpu), verdict = verdict.Line });
                return ExitCodes.Ok;
            }
            Console.WriteLine(settings.Command);
            Console.WriteLine($"machine: {MachineDescription.Describe()}");
            Console.WriteLine("receive→durable latency per frame; CPU: the capturing process's CPU time during the run; GC: its collections (gen0/1/2), pause time and allocations; pages: the viewer's (another process's) rounds, answers by status and request times");
            Console.WriteLine($"{"run",3} {"dashboard",-9} {"frames",8} {"frames/s",9} {"recv/s",8} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"CPU ms",8}  GC  pages");
            foreach (var run in runs)
            {
                Console.WriteLine($"{run.Number,3} {(run.Served ? "serving" : "off"),-9} {run.Frames,8:N0} {run.FramesPerSecond,9:N0} {run.ReceivedPerSecond,8:N0} {run.P50Ms,8:F1} {run.P99Ms,8:F1} {run.MaxMs,8:F1} {run.CpuMs,8:N0}  {run.Gc}  {run.Serving?.ToString() ?? "—"}");
            }
            foreach (var served in new[] { false, true })
            {
                var group = runs.Where(r => r.Served == served).ToList();
                Console.WriteLine($"{(served ? "serving" : "off"),-9} frames/s {Join(group, r => r.FramesPerSecond, "N0")}; p50 {Join(group, r => r.P50Ms, "F1")} ms; p99 {Join(group, r => r.P99Ms, "F1")} ms; max {Join(group, r => r.MaxMs, "F1")} ms; CPU {Join(group, r => r.CpuMs, "N0")} ms");
            }
            Console.WriteLine("serving against off, in this invocation (rule: BENCHMARKS.md, \"serve: the verdict's rule\"):");
            foreach (var comparison in verdict.Slowing)
            {
                Console.WriteLine($"  {comparison}");
            }
            Console.WriteLine($"  {verdict.Cpu} (what serving costs; not part of the verdict)");
            Console.WriteLine(verdict.Line);
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Join(List<ServedCaptureBenchmark.Run> runs, Func<ServedCaptureBenchmark.Run, double> figure, string format) =>
        string.Join(" · ", runs.Select(r => figure(r).ToString(format, CultureInfo.InvariantCulture)));
}
