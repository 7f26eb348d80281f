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
/// anchors, when those programs are installed. The recording is journaled a second time with the writer's live
/// sealing, as a capture does, and compacted: the bytes a capture's journal ends with.
/// </summary>
internal sealed class CompactBenchmark(string folder, SealPolicy policy, int repeat, bool anchors)
{
    /// <summary>Runs the benchmark on <paramref name="input"/>, or on a simulated session of <paramref name="games"/> games.</summary>
    public async Task<CompactBenchResult> RunAsync(string? input, int games, Action<string> log)
    {
        var data = Path.Combine(folder, "journal");
        var jsonl = await JournalAsync(input, games, data, SealPolicy.Off, log);
        var files = new JournalFiles(data);
        var rowsBytes = files.BytesOnDisk();
        var (records, argsBytes, fromRows, fromRowsCpu) = BestRead(data, "read from rows", log);

        log("compacting…");
        var clock = Stopwatch.StartNew();
        var compacted = JournalCompactor.Compact(data, policy);
        var compactSeconds = clock.Elapsed.TotalSeconds;
        var (_, _, fromBlocks, fromBlocksCpu) = BestRead(data, "read from blocks", log);
        FigureBlocks(data, out var blockBytes, out var blockRaw);

        // The way a capture's journal gets there: sealed live by the writer (small level-3 blocks), then compacted,
        // which rewrites those blocks into the compaction's.
        var live = Path.Combine(folder, "journal-live");
        await JournalAsync(input, games, live, SealPolicy.Default, log);
        var liveBlocks = FiguresOf(live).BlockRecords;
        log($"compacting the live-sealed journal ({liveBlocks:N0} records in live blocks)…");
        var liveCompacted = JournalCompactor.Compact(live, policy);

        return new CompactBenchResult(
            records, new FileInfo(jsonl).Length, argsBytes, rowsBytes, compacted.BytesAfter, blockBytes, blockRaw,
            compactSeconds, compacted.BlocksWritten, fromRows, fromBlocks, fromRowsCpu, fromBlocksCpu,
            liveBlocks, liveCompacted.RecordsRecompressed, liveCompacted.BytesAfter,
            anchors ? ExternalCompressor.Size(jsonl, "zstd", "-3", "-c", "-T1") : null,
            anchors ? ExternalCompressor.Size(jsonl, "xz", "-9", "-c", "-T1") : null);
    }

    /// <summary>Journals the recording (or simulated games) into <paramref name="data"/> under <paramref name="sealing"/>; returns the JSONL to compare with.</summary>
    private async Task<string> JournalAsync(string? input, int games, string data, SealPolicy sealing, Action<string> log)
    {
        if (input is null)
        {
            log($"simulating {games:N0} games into a journal…");
            using (var writer = JournalWriter.Open(data, Durability.None, sealing))
            {
                foreach (var chunk in FeedSimulator.Records(SimulationOptions.Of(games, 1)).Chunk(4000))
                {
                    await writer.AppendExactAsync(chunk);
                }
            }
            var jsonl = Path.Combine(folder, "session.jsonl");
            if (!File.Exists(jsonl))
            {
                using var reader = JournalReader.Open(data);
                using var output = File.Create(jsonl);
                JsonlExporter.Export(reader, 1, long.MaxValue, output);
            }
            return jsonl;
        }
        log($"importing {input}…");
        using (var writer = JournalWriter.Open(data, Durability.None, sealing))
        {
            var import = new RecordingImport(writer, new ImportOptions(null, RecordingTimeZone.Find(RecordingTimeZone.DefaultId)));
            await import.ImportAsync(RecordingFiles.Expand([input]));
        }
        return input;
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
        var figures = FiguresOf(data);
        blockBytes = figures.BlockBytes;
        blockRaw = figures.BlockRawBytes;
    }

    private static StorageFigures FiguresOf(string data)
    {
        using var reader = JournalReader.Open(data);
        return reader.Figures();
    }
}
