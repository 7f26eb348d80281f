using System.CommandLine;
using System.Diagnostics;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench parquet</c>: our Parquet writer beside DuckDB's on the same game_tick rows.</summary>
internal static class BenchParquetCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "game_tick rows to write.", DefaultValueFactory = _ => 1_000_000 };
        var checker = new Option<string?>("--checker") { Description = "The tests/parquet-checker folder (default: found above the current folder or the executable); npm ci runs there if needed." };
        var json = CommonOptions.Json();
        var command = new Command("parquet", "Write N game_tick rows with Vectra's Parquet writer (timed: rows/s, bytes), then have DuckDB load the same rows and time only its COPY TO parquet with Snappy. Works in a scratch folder under --data, removed afterwards.")
        {
            rows, checker, json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(rows), parse.GetValue(checker), parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, int rows, string? checker, bool json)
    {
        if (rows < 1)
        {
            throw new CliUsageException("--rows must be at least 1.");
        }
        var checkerFolder = checker ?? FindChecker() ?? throw new CliUsageException("tests/parquet-checker was not found above the current folder or the executable: pass --checker DIR.");
        EnsureInstalled(checkerFolder);
        // Absolute, because DuckDB resolves the CSV path from the checker folder node runs in.
        var folder = Path.GetFullPath(Path.Combine(data, "bench-parquet-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(folder);
        try
        {
            var (ours, ourBytes, duck, duckBytes) = new ParquetBenchmark(folder, rows, Path.GetFullPath(checkerFolder)).Run(line => Console.Error.WriteLine(line));
            var report = new
            {
                command = $"vectra bench parquet --rows {rows}",
                machine = MachineDescription.Describe(),
                rows,
                vectra = new { seconds = Math.Round(ours.Seconds, 3), rowsPerSecond = Math.Round(ours.PerSecond), bytes = ourBytes },
                duckdb = new { seconds = Math.Round(duck.Seconds, 3), rowsPerSecond = Math.Round(duck.PerSecond), bytes = duckBytes },
                sizeRatio = Math.Round((double)ourBytes / duckBytes, 3),
                timeRatio = Math.Round(ours.Seconds / duck.Seconds, 3),
            };
            if (json)
            {
                ConsoleJson.Print(report);
                return ExitCodes.Ok;
            }
            Console.WriteLine(report.command);
            Console.WriteLine($"machine: {report.machine}");
            Console.WriteLine($"{"writer",-36} {"seconds",9} {"rows/s",12} {"bytes",14}");
            Console.WriteLine($"{ours.Name,-36} {ours.Seconds,9:F3} {ours.PerSecond,12:N0} {ourBytes,14:N0}");
            Console.WriteLine($"{duck.Name,-36} {duck.Seconds,9:F3} {duck.PerSecond,12:N0} {duckBytes,14:N0}");
            Console.WriteLine($"size vectra/duckdb: {report.sizeRatio:F3}   time vectra/duckdb: {report.timeRatio:F3}");
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? FindChecker()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "parquet-checker");
                if (File.Exists(Path.Combine(candidate, "check.mjs")))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void EnsureInstalled(string checkerFolder)
    {
        if (Directory.Exists(Path.Combine(checkerFolder, "node_modules", "@duckdb")))
        {
            return;
        }
        Console.Error.WriteLine($"installing the checker's packages (npm ci in {checkerFolder})…");
        using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = checkerFolder, UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start npm");
        npm.WaitForExit();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {checkerFolder} failed ({npm.ExitCode}).");
        }
    }
}
