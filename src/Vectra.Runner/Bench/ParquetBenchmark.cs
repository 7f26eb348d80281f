using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Runner.Bench;

/// <summary>
/// Writes N game_tick rows with the exports' writer (<see cref="ExportFileWriter"/> on Parquet.Net, row by row as the
/// exports write) <c>repeat</c> times in this process, each write timed and each to a new file; then DuckDB
/// (tests/parquet-checker) loads the same rows from a CSV into a table, untimed, and runs its
/// <c>COPY … TO … (FORMAT parquet, COMPRESSION …)</c> with the same codec as many times in its process, only each COPY
/// timed. The first write of each side is the cold one (JIT, first touch of memory); the best shows the steady state.
/// </summary>
internal sealed class ParquetBenchmark(string folder, int rows, int repeat, ExportCompression compression, string checkerFolder)
{
    public ParquetBenchResult Run(Action<string> log)
    {
        log($"generating {rows:N0} game_tick rows…");
        var data = new GameTickRows(rows);
        log($"writing them {repeat} time(s) with the exports' writer ({Codec}), row by row…");
        var files = new string[repeat];
        var ours = new double[repeat];
        var cpu = new double[repeat];
        var gc = new GcFigures[repeat];
        using var self = Process.GetCurrentProcess();
        for (var run = 0; run < repeat; run++)
        {
            files[run] = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"vectra-{run + 1}.parquet"));
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var gcBefore = GcFigures.Start();
            var clock = Stopwatch.StartNew();
            WriteRowByRow(data, files[run]);
            ours[run] = clock.Elapsed.TotalSeconds;
            gc[run] = gcBefore.Stop();
            self.Refresh();
            cpu[run] = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        }
        var first = File.ReadAllBytes(files[0]);
        var identical = files.Skip(1).All(file => File.ReadAllBytes(file).AsSpan().SequenceEqual(first));

        log("loading the same rows into DuckDB (untimed), then timing its COPY…");
        var csv = Path.Combine(folder, "rows.csv");
        data.WriteCsv(csv);
        var duck = Path.Combine(folder, "duckdb.parquet");
        using var report = JsonDocument.Parse(Node(
            checkerFolder, "check.mjs", "write", csv, duck, GameTickRows.DuckDbColumns, repeat.ToString(CultureInfo.InvariantCulture), Codec));
        var duckSeconds = report.RootElement.GetProperty("copyMillis").EnumerateArray().Select(m => m.GetDouble() / 1000).ToArray();
        var duckBytes = report.RootElement.GetProperty("bytes")[0].GetInt64();
        return new ParquetBenchResult(ours, cpu, gc, first.Length, identical, duckSeconds, duckBytes);
    }

    /// <summary>The codec's name as DuckDB's COPY spells it.</summary>
    public string Codec => compression == ExportCompression.Zstd ? "zstd" : "snappy";

    private void WriteRowByRow(GameTickRows data, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new ExportFileWriter(stream, GameTickExport.Columns, new ExportWriterOptions { Compression = compression });
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
