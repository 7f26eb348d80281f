using System.Diagnostics;
using System.Text.Json;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Parquet;

namespace Vectra.Runner.Bench;

/// <summary>
/// Writes N game_tick rows with Vectra's Parquet writer (Snappy), timed; then DuckDB (tests/parquet-checker) loads the
/// same rows from a CSV into a table, untimed, and only its <c>COPY … TO … (FORMAT parquet, COMPRESSION snappy)</c> is timed.
/// </summary>
internal sealed class ParquetBenchmark(string folder, int rows, string checkerFolder)
{
    public (BenchResult Ours, long OurBytes, BenchResult DuckDb, long DuckDbBytes) Run(Action<string> log)
    {
        log($"generating {rows:N0} game_tick rows…");
        var data = new GameTickRows(rows);
        var ours = Path.Combine(folder, "vectra.parquet");
        log("writing them with Vectra's writer…");
        var clock = Stopwatch.StartNew();
        using (var stream = new FileStream(ours, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new ParquetFileWriter(stream, GameTickExport.Columns))
        {
            for (var i = 0; i < data.Count; i++)
            {
                writer.WriteString(0, data.GameIds[i]);
                writer.WriteInt32(1, data.Ticks[i]);
                writer.WriteDouble(2, data.Prices[i]);
                writer.WriteBoolean(3, data.Backfilled[i]);
                writer.WriteInt64(4, GameTickRows.Seq(i));
                writer.WriteTimestampMicros(5, GameTickRows.Ts(i));
                writer.EndRow();
            }
            writer.Finish();
        }
        var ourResult = BenchResult.From("vectra ParquetFileWriter (snappy)", rows, clock.Elapsed.TotalSeconds, null);
        log("loading the same rows into DuckDB (untimed), then timing its COPY…");
        var csv = Path.Combine(folder, "rows.csv");
        data.WriteCsv(csv);
        var duck = Path.Combine(folder, "duckdb.parquet");
        using var report = JsonDocument.Parse(Node(checkerFolder, "check.mjs", "write", csv, duck, GameTickRows.DuckDbColumns));
        var millis = report.RootElement.GetProperty("copyMillis").GetDouble();
        var duckResult = BenchResult.From("DuckDB COPY TO parquet (snappy)", rows, millis / 1000, null);
        return (ourResult, new FileInfo(ours).Length, duckResult, report.RootElement.GetProperty("bytes").GetInt64());
    }

    private static string Node(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? stdout : throw new InvalidOperationException($"parquet-checker failed ({process.ExitCode}): {stderr.GetAwaiter().GetResult()}");
    }
}
