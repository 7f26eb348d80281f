using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vectra.Projections.Exports.Writing;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench parquet</c>: the exports' Parquet writer (Parquet.Net) beside DuckDB's on the same game_tick rows.</summary>
internal static class BenchParquetCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "game_tick rows to write.", DefaultValueFactory = _ => 1_000_000 };
        var repeat = new Option<int>("--repeat") { Description = "Writes per side, each to a new file, in one process per side; the first is cold, the ratio compares the best of each.", DefaultValueFactory = _ => 5 };
        var compression = new Option<ExportCompression>("--compression") { Description = "The codec of both sides: snappy (the exports' default) or zstd (the events export's).", DefaultValueFactory = _ => ExportCompression.Snappy };
        var checker = new Option<string?>("--checker") { Description = "The tests/parquet-checker folder (default: found above the current folder or the executable); npm ci runs there if needed." };
        var json = CommonOptions.Json();
        var command = new Command("parquet", "Write N game_tick rows with the exports' writer (Parquet.Net; timed: rows/s, bytes), then have DuckDB load the same rows and time only its COPY TO parquet with the same codec; each side writes --repeat times. Works in a scratch folder under --data, removed afterwards.")
        {
            rows, repeat, compression, checker, json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(rows), parse.GetValue(repeat), parse.GetValue(compression), parse.GetValue(checker), parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, int rows, int repeat, ExportCompression compression, string? checker, bool json)
    {
        if (rows < 1)
        {
            throw new UsageException("--rows must be at least 1.");
        }
        if (repeat < 1)
        {
            throw new UsageException("--repeat must be at least 1.");
        }
        var checkerFolder = checker ?? FindChecker() ?? throw new UsageException("tests/parquet-checker was not found above the current folder or the executable: pass --checker DIR.");
        EnsureInstalled(checkerFolder);
        // Absolute, because DuckDB resolves the CSV path from the checker folder node runs in.
        var folder = Path.GetFullPath(Path.Combine(data, "bench-parquet-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(folder);
        var codec = compression.ToString().ToLowerInvariant();
        try
        {
            var result = new ParquetBenchmark(folder, rows, repeat, compression, Path.GetFullPath(checkerFolder)).Run(line => Console.Error.WriteLine(line));
            var report = new
            {
                command = $"vectra bench parquet --rows {rows} --repeat {repeat} --compression {compression.ToString().ToLowerInvariant()}",
                machine = MachineDescription.Describe(),
                rows,
                repeat,
                vectra = Side($"vectra ExportFileWriter on Parquet.Net ({codec}, row by row)", rows, result.OurSeconds, result.OurBytes),
                vectraCpuSeconds = result.OurCpuSeconds.Select(s => Math.Round(s, 3)).ToArray(),
                vectraGc = result.OurGc.Select(g => g.ToString()).ToArray(),
                vectraRunsIdentical = result.OursIdentical,
                duckdb = Side($"DuckDB COPY TO parquet ({codec})", rows, result.DuckDbSeconds, result.DuckDbBytes),
                sizeRatio = Math.Round((double)result.OurBytes / result.DuckDbBytes, 3),
                timeRatioBest = Math.Round(result.OurBest / result.DuckDbBest, 3),
                timeRatioCold = Math.Round(result.OurCold / result.DuckDbCold, 3),
            };
            if (json)
            {
                ConsoleJson.Print(report);
                return ExitCodes.Ok;
            }
            Console.WriteLine(report.command);
            Console.WriteLine($"machine: {report.machine}");
            Console.WriteLine($"{"writer",-48} {"cold s",8} {"best s",8} {"best rows/s",12} {"bytes",12}  all runs (s)");
            foreach (var side in new[] { report.vectra, report.duckdb })
            {
                Console.WriteLine($"{side.name,-48} {side.coldSeconds,8:F3} {side.bestSeconds,8:F3} {side.bestRowsPerSecond,12:N0} {side.bytes,12:N0}  {string.Join(" ", side.seconds.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}");
            }
            Console.WriteLine($"vectra CPU s per write (all threads, a figure load disturbs little): {string.Join(" ", report.vectraCpuSeconds.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}");
            Console.WriteLine($"vectra garbage collection per write: {string.Join("; ", report.vectraGc)}");
            Console.WriteLine($"size vectra/duckdb: {report.sizeRatio:F3}   time vectra/duckdb: best {report.timeRatioBest:F3}, cold {report.timeRatioCold:F3}   vectra runs byte-identical: {(result.OursIdentical ? "yes" : "NO")}");
            return result.OursIdentical ? ExitCodes.Ok : ExitCodes.ProblemFound;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SideReport Side(string name, int rows, double[] seconds, long bytes) => new(
        name,
        [.. seconds.Select(s => Math.Round(s, 3))],
        Math.Round(seconds[0], 3),
        Math.Round(seconds.Min(), 3),
        Math.Round(rows / Math.Max(seconds.Min(), 1e-9)),
        bytes);

    private sealed record SideReport(string name, double[] seconds, double coldSeconds, double bestSeconds, double bestRowsPerSecond, long bytes);

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

    private static void EnsureInstalled(string checkerFolder) =>
        NpmInstall.EnsureInstalledAsync(checkerFolder, () => Console.Error.WriteLine($"installing the checker's packages (npm ci in {checkerFolder})…"))
            .GetAwaiter().GetResult();
}
