using System.Diagnostics;
using Vectra.Journal;
using Vectra.Journal.Blocks;
using Vectra.Journal.Jsonl;
using Vectra.Journal.Reading;
using Vectra.Journal.Storage;
using Vectra.Journal.Writing;
using Vectra.Runner.Import;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Bench;

/// <summary>
/// Journals a recording with every record a row, reads it all, compacts it, and reads it all again from
/// the blocks: the journal's bytes at rest against the JSONL's, the sealing speed, and full-read speed
/// from blocks against rows in the same run. <c>zstd -3</c> and <c>xz -9</c> of the whole JSONL are
/// anchors, when those programs are installed.
/// </summary>
internal sealed class CompactBenchmark(string folder, SealPolicy policy, int repeat, bool anchors)
{
    /// <summary>Runs the benchmark on <paramref name="input"/>, or on a simulated session of <paramref name="games"/> games.</summary>
    public async Task<CompactBenchResult> RunAsync(string? input, int games, Action<string> log)
    {
        var data = Path.Combine(folder, "journal");
        string jsonl;
        if (input is null)
        {
            log($"simulating {games:N0} games into a journal…");
            using (var writer = JournalWriter.Open(data, Durability.None, SealPolicy.Off))
            {
                foreach (var chunk in FeedSimulator.Records(SimulationOptions.Of(games, 1)).Chunk(4000))
                {
                    await writer.AppendExactAsync(chunk);
                }
            }
            jsonl = Path.Combine(folder, "session.jsonl");
            using var reader = JournalReader.Open(data);
            using var output = File.Create(jsonl);
            JsonlExporter.Export(reader, 1, long.MaxValue, output);
        }
        else
        {
            log($"importing {input}…");
            jsonl = input;
            using var writer = JournalWriter.Open(data, Durability.None, SealPolicy.Off);
            var import = new RecordingImport(writer, new ImportOptions(null, RecordingTimeZone.Find(RecordingTimeZone.DefaultId)));
            await import.ImportAsync(RecordingFiles.Expand([input]));
        }
        var files = new JournalFiles(data);
        var rowsBytes = files.BytesOnDisk();
        var (records, argsBytes, fromRows, fromRowsCpu) = BestRead(data, "read from rows", log);

        log("compacting…");
        var clock = Stopwatch.StartNew();
        var compacted = JournalCompactor.Compact(data, policy);
        var compactSeconds = clock.Elapsed.TotalSeconds;
        var (_, _, fromBlocks, fromBlocksCpu) = BestRead(data, "read from blocks", log);
        FigureBlocks(data, out var blockBytes, out var blockRaw);

        return new CompactBenchResult(
            records, new FileInfo(jsonl).Length, argsBytes, rowsBytes, compacted.BytesAfter, blockBytes, blockRaw,
            compactSeconds, compacted.BlocksWritten, fromRows, fromBlocks, fromRowsCpu, fromBlocksCpu,
            anchors ? ExternalCompressor.Size(jsonl, "zstd", "-3", "-c", "-T1") : null,
            anchors ? ExternalCompressor.Size(jsonl, "xz", "-9", "-c", "-T1") : null);
    }

    private (long Records, long ArgsBytes, double Seconds, double CpuSeconds) BestRead(string data, string name, Action<string> log)
    {
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        long records = 0, bytes = 0;
        for (var run = 1; run <= repeat; run++)
        {
            records = bytes = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using (var reader = JournalReader.Open(data))
            {
                foreach (var record in reader.ReadSeqRange(1, long.MaxValue))
                {
                    records++;
                    bytes += record.Args.Length;
                }
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            log($"{name}: run {run} of {repeat}, {seconds:F2} s, {cpuSeconds:F2} s CPU");
            best = Math.Min(best, seconds);
            bestCpu = Math.Min(bestCpu, cpuSeconds);
        }
        return (records, bytes, best, bestCpu);
    }

    private static void FigureBlocks(string data, out long blockBytes, out long blockRaw)
    {
        using var reader = JournalReader.Open(data);
        var figures = reader.Figures();
        blockBytes = figures.BlockBytes;
        blockRaw = figures.BlockRawBytes;
    }
}
