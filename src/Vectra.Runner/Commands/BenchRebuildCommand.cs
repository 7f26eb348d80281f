using System.CommandLine;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench rebuild</c>: projection rebuild speed beside a bare JSON scan of the same payloads.</summary>
internal static class BenchRebuildCommand
{
    public static Command Create()
    {
        var games = new Option<int>("--games") { Description = "Simulated games in the journal.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Simulator seed.", DefaultValueFactory = _ => 1 };
        var projection = new Option<string[]>("--projection") { Description = "Rebuild only these projections (repeatable); default: all.", AllowMultipleArgumentsPerToken = true };
        var repeat = new Option<int>("--repeat") { Description = "Runs of every pass; the best time of each counts.", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json();
        var command = new Command("rebuild", "Simulate a journal, then time a full rebuild of every projection (records/s, payload MB/s), then `vectra export events --rebuild` on its own, and, in the same run, a bare Utf8JsonReader scan of the same payloads. Works in a scratch folder under --data, removed afterwards.")
        {
            games, seed, projection, repeat, json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(games), parse.GetValue(seed), parse.GetValue(projection), parse.GetValue(repeat), parse.GetValue(json)));
        return command;
    }

    private static IEnumerable<string> Known => Vectra.Projections.ProjectionCatalog.AllWithEvents().Select(p => p.Name);

    private static int Run(string data, int games, ulong seed, string[]? projections, int repeat, bool json)
    {
        var only = projections is { Length: > 0 } ? projections.ToHashSet(StringComparer.Ordinal) : null;
        var unknown = only?.Except(Known).ToArray() ?? [];
        if (unknown.Length > 0)
        {
            throw new UsageException($"--projection {string.Join(", ", unknown)}: no such projection; choose from {string.Join(", ", Known)}.");
        }
        if (games < 1)
        {
            throw new UsageException("--games must be at least 1.");
        }
        if (repeat < 1)
        {
            throw new UsageException("--repeat must be at least 1.");
        }
        var folder = Path.Combine(data, "bench-rebuild-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var benchmark = new RebuildBenchmark(folder, games, seed, only, repeat);
            var results = benchmark.RunAsync(line => Console.Error.WriteLine(line)).GetAwaiter().GetResult();
            var megabytes = benchmark.PayloadBytes / 1e6;
            var report = new
            {
                command = $"vectra bench rebuild --games {games} --seed {seed} --repeat {repeat}" + (only is null ? "" : " --projection " + string.Join(" --projection ", only)),
                machine = MachineDescription.Describe(),
                records = results[0].Operations,
                payloadMegabytes = Math.Round(megabytes, 1),
                results = results.Select(r => new { name = r.Name, seconds = Math.Round(r.Seconds, 3), recordsPerSecond = Math.Round(r.PerSecond), payloadMegabytesPerSecond = Math.Round(megabytes / r.Seconds, 1) }),
                rebuildVsBareScan = Math.Round(results[1].Seconds / results[3].Seconds, 2),
                rebuildVsJournalScan = Math.Round(results[2].Seconds / results[3].Seconds, 2),
                rebuildAndEventsVsBareScan = results.Count > 4 ? Math.Round(results[1].Seconds / (results[3].Seconds + results[4].Seconds), 2) : (double?)null,
            };
            if (json)
            {
                ConsoleJson.Print(report);
                return ExitCodes.Ok;
            }
            Console.WriteLine(report.command);
            Console.WriteLine($"machine: {report.machine}");
            Console.WriteLine($"{report.records:N0} records, {megabytes:N1} MB of payload JSON");
            Console.WriteLine($"{"pass (best of " + repeat + ")",-60} {"seconds",9} {"records/s",12} {"MB/s",9}");
            foreach (var r in results)
            {
                Console.WriteLine($"{r.Name,-60} {r.Seconds,9:F2} {r.PerSecond,12:N0} {megabytes / r.Seconds,9:N1}");
            }
            Console.WriteLine($"rebuild speed / bare scan speed (in memory): {report.rebuildVsBareScan:F2}");
            Console.WriteLine($"rebuild speed / bare scan fed from the journal: {report.rebuildVsJournalScan:F2}");
            if (report.rebuildAndEventsVsBareScan is { } withEvents)
            {
                Console.WriteLine($"rebuild + export events speed / bare scan speed (in memory): {withEvents:F2} (the events export is not part of `vectra rebuild`)");
            }
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
