using System.CommandLine;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench serve</c>: dashboard render time per page over a views.db holding many games.</summary>
internal static class BenchServeCommand
{
    public static Command Create()
    {
        var games = new Option<int>("--games") { Description = "Games in views.db (complete and live rows each).", DefaultValueFactory = _ => 10_000 };
        var requests = new Option<int>("--requests") { Description = "Timed requests per page, after 5 warm-ups.", DefaultValueFactory = _ => 50 };
        var json = CommonOptions.Json();
        var command = new Command("serve", "Time the dashboard's pages (server time, loopback round trip, CPU and bytes allocated per request), rendered every time and then served again while views.db is unchanged, over a views.db of --games games, in a scratch folder under --data, removed afterwards.")
        {
            games, requests, json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(games), parse.GetValue(requests), parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, int games, int requests, bool json)
    {
        if (games < 100 || requests < 1)
        {
            throw new UsageException("--games must be at least 100 and --requests at least 1.");
        }
        var folder = Path.Combine(data, "bench-serve-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var timings = new ServeBenchmark(folder, games, requests).RunAsync(line => Console.Error.WriteLine(line)).GetAwaiter().GetResult();
            var command = $"vectra bench serve --games {games} --requests {requests}";
            if (json)
            {
                ConsoleJson.Print(new { command, machine = MachineDescription.Describe(), pages = timings });
                return ExitCodes.Ok;
            }
            Console.WriteLine(command);
            Console.WriteLine($"machine: {MachineDescription.Describe()}");
            Console.WriteLine($"{"page",-58} {"cached",6} {"server p50 ms",14} {"server max ms",14} {"round trip p50 ms",18} {"CPU ms/request",15} {"KB alloc/request",17} {"bytes",9}");
            foreach (var t in timings)
            {
                Console.WriteLine($"{t.Path,-58} {(t.Cached ? "yes" : "no"),6} {t.ServerMedianMs,14:F2} {t.ServerMaxMs,14:F2} {t.RoundTripMedianMs,18:F2} {t.CpuMsPerRequest,15:F2} {t.AllocatedKbPerRequest,17:F1} {t.Bytes,9:N0}");
            }
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
