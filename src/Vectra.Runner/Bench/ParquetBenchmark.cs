using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Parquet;

namespace Vectra.Runner.Bench;

/// <summary>
/// Writes N game_tick rows with Vectra's Parquet writer (Snappy) <c>repeat</c> times in this process, each write timed
/// and each to a new file; then DuckDB (tests/parquet-checker) loads the same rows from a CSV into a table, untimed, and
/// runs its <c>COPY … TO … (FORMAT parquet, COMPRESSION snappy)</c> as many times in its process, only each COPY timed.
/// The first write of each side is the cold one (JIT, first touch of memory); the best shows the steady state.
/// Our rows are handed over either in column batches (<see cref="ParquetFileWriter.WriteColumn(int, ReadOnlySpan{long})"/>,
/// the same columnar start DuckDB's table gives it) or row by row (<c>Write…</c>/<c>EndRow</c>, as the exports do).
/// </summary>
internal sealed class ParquetBenchmark(string folder, int rows, int repeat, ParquetBenchInput input, string checkerFolder)
{
    /// <summary>Rows per column batch: the exports' file size, and a divisor of the 1,000,000-row group, so groups match row-by-row writing.</summary>
    public const int BatchRows = 100_000;

    public ParquetBenchResult Run(Action<string> log)
    {
        log($"generating {rows:N0} game_tick rows…");
        var data = new GameTickRows(rows);
        log($"writing them {repeat} time(s) with Vectra's writer, {(input == ParquetBenchInput.Columns ? "in column batches" : "row by row")}…");
        var files = new string[repeat];
        var ours = new double[repeat];
        for (var run = 0; run < repeat; run++)
        {
            files[run] = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"vectra-{run + 1}.parquet"));
            var clock = Stopwatch.StartNew();
            if (input == ParquetBenchInput.Columns)
            {
                WriteColumnBatches(data, files[run]);
            }
            else
            {
                WriteRowByRow(data, files[run]);
            }
            ours[run] = clock.Elapsed.TotalSeconds;
        }
        var first = File.ReadAllBytes(files[0]);
        var identical = files.Skip(1).All(file => File.ReadAllBytes(file).AsSpan().SequenceEqual(first));

        log("loading the same rows into DuckDB (untimed), then timing its COPY…");
        var csv = Path.Combine(folder, "rows.csv");
        data.WriteCsv(csv);
        var duck = Path.Combine(folder, "duckdb.parquet");
        using var report = JsonDocument.Parse(Node(
            checkerFolder, "check.mjs", "write", csv, duck, GameTickRows.DuckDbColumns, repeat.ToString(CultureInfo.InvariantCulture)));
        var duckSeconds = report.RootElement.GetProperty("copyMillis").EnumerateArray().Select(m => m.GetDouble() / 1000).ToArray();
        var duckBytes = report.RootElement.GetProperty("bytes")[0].GetInt64();
        return new ParquetBenchResult(ours, first.Length, identical, duckSeconds, duckBytes);
    }

    private static void WriteColumnBatches(GameTickRows data, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new ParquetFileWriter(stream, GameTickExport.Columns);
        for (var start = 0; start < data.Count; start += BatchRows)
        {
            var length = Math.Min(BatchRows, data.Count - start);
            writer.WriteColumn(0, data.GameIds.AsSpan(start, length));
            writer.WriteColumn(1, data.Ticks.AsSpan(start, length));
            writer.WriteColumn(2, data.Prices.AsSpan(start, length));
            writer.WriteColumn(3, data.Backfilled.AsSpan(start, length));
            writer.WriteColumn(4, data.Seqs.AsSpan(start, length));
            writer.WriteColumn(5, data.Timestamps.AsSpan(start, length));
            writer.EndBatch();
        }
        writer.Finish();
    }

    private static void WriteRowByRow(GameTickRows data, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new ParquetFileWriter(stream, GameTickExport.Columns);
        for (var i = 0; i < data.Count; i++)
        {
            writer.WriteString(0, data.GameIds[i]);
            writer.WriteInt32(1, data.Ticks[i]);
            writer.WriteDouble(2, data.Prices[i]);
            writer.WriteBoolean(3, data.Backfilled[i]);
            writer.WriteInt64(4, data.Seqs[i]);
            writer.WriteTimestampMicros(5, data.Timestamps[i]);
            writer.EndRow();
        }
        writer.Finish();
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
