using Vectra.Journal;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench capture --serve</c>: capture figures without and with the dashboard serving, from alternating runs.</summary>
internal static class BenchCaptureServeCommand
{
    public static async Task<int> RunAsync(string data, int frames, int frameBytes, string durabilityName, string? feedServerFolder, bool json)
    {
        var durability = Durability.TryParse(durabilityName);
        if (durability is null || durability == Durability.None || frames < 1 || frameBytes < 100)
        {
            throw new UsageException("--durability takes always or batch; --frames at least 1; --frame-bytes at least 100.");
        }
        var serverFolder = FeedServerLauncher.Locate(feedServerFolder);
        var folder = Path.Combine(data, "bench-capture-serve-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var runs = await new ServedCaptureBenchmark(folder, serverFolder, frames, frameBytes, durability).RunAsync(line => Console.Error.WriteLine(line));
            var command = $"vectra bench capture --frames {frames} --frame-bytes {frameBytes} --durability {durability.Name} --serve";
            if (json)
            {
                ConsoleJson.Print(new { command, machine = MachineDescription.Describe(), runs });
                return ExitCodes.Ok;
            }
            Console.WriteLine(command);
            Console.WriteLine($"machine: {MachineDescription.Describe()}");
            Console.WriteLine($"{"run",3} {"dashboard",-9} {"frames",8} {"frames/s",9} {"p50 ms",8} {"p99 ms",8}  pages");
            foreach (var run in runs)
            {
                Console.WriteLine($"{run.Number,3} {(run.Served ? "serving" : "off"),-9} {run.Frames,8:N0} {run.FramesPerSecond,9:N0} {run.P50Ms,8:F1} {run.P99Ms,8:F1}  {run.Serving ?? "—"}");
            }
            foreach (var served in new[] { false, true })
            {
                var group = runs.Where(r => r.Served == served).ToList();
                Console.WriteLine($"{(served ? "serving" : "off"),-9} frames/s {string.Join(" · ", group.Select(r => r.FramesPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}; p50 {group.Min(r => r.P50Ms):F1}–{group.Max(r => r.P50Ms):F1} ms; p99 {group.Min(r => r.P99Ms):F1}–{group.Max(r => r.P99Ms):F1} ms");
            }
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
