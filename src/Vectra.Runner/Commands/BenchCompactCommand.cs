using System.CommandLine;
using Vectra.Journal.Blocks;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench compact</c>: bytes at rest after compaction, sealing speed, and reads from blocks against rows.</summary>
internal static class BenchCompactCommand
{
    public static Command Create()
    {
        var input = new Option<string?>("--input") { Description = "A recording (journal JSONL, raw capture, …) to journal; default a simulated session of --games games." };
        var games = new Option<int>("--games") { Description = "Simulated games when no --input is given.", DefaultValueFactory = _ => 200 };
        var blockRecords = new Option<int>("--block-records") { Description = "Records per block.", DefaultValueFactory = _ => 4096 };
        var level = new Option<int>("--level") { Description = "zstd level.", DefaultValueFactory = _ => 9 };
        var repeat = new Option<int>("--repeat") { Description = "Runs of each full read; the best counts.", DefaultValueFactory = _ => 3 };
        var noAnchors = new Option<bool>("--no-anchors") { Description = "Skip the zstd -3 and xz -9 anchors (xz -9 of a large JSONL takes minutes)." };
        var json = CommonOptions.Json();
        var command = new Command("compact", "Journal a recording with every record a row, compact it, and report JSONL bytes, journal bytes after compaction, ratio (also for the recording journaled with live sealing, then compacted), seal MB/s, and full-read MB/s from blocks against rows in the same run, with zstd -3 and xz -9 of the JSONL as anchors when installed. Works in a scratch folder under --data, removed afterwards.")
        {
            input, games, blockRecords, level, repeat, noAnchors, json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(input), parse.GetValue(games),
            parse.GetValue(blockRecords), parse.GetValue(level), parse.GetValue(repeat), !parse.GetValue(noAnchors), parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, string? input, int games, int blockRecords, int level, int repeat, bool anchors, bool json)
    {
        if (input is not null && !File.Exists(input))
        {
            throw new UsageException($"--input {input} does not exist.");
        }
        if (games < 1 || repeat < 1 || blockRecords is < 1 or > 1_000_000 || level is < 1 or > 22)
        {
            throw new UsageException("--games and --repeat must be at least 1, --block-records 1..1000000, --level 1..22.");
        }
        var folder = Path.Combine(data, "bench-compact-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var benchmark = new CompactBenchmark(folder, new SealPolicy { BlockRecords = blockRecords, Level = level }, repeat, anchors);
            var r = benchmark.RunAsync(input, games, line => Console.Error.WriteLine(line)).GetAwaiter().GetResult();
            var commandLine = $"vectra bench compact {(input is null ? $"--games {games}" : $"--input {input}")} --block-records {blockRecords} --level {level} --repeat {repeat}" + (anchors ? "" : " --no-anchors");
            if (json)
            {
                ConsoleJson.Print(new
                {
                    command = commandLine,
                    machine = MachineDescription.Describe(),
                    records = r.Records,
                    jsonlBytes = r.JsonlBytes,
                    argsBytes = r.ArgsBytes,
                    journalBytesAsRows = r.RowsJournalBytes,
                    journalBytesAfterCompact = r.CompactedJournalBytes,
                    ratio = Math.Round(r.Ratio, 4),
                    blocks = r.Blocks,
                    liveSealedRecords = r.LiveSealedRecords,
                    liveRecompressedRecords = r.LiveRecompressedRecords,
                    journalBytesAfterLiveSealingAndCompact = r.LiveCompactedJournalBytes,
                    liveRatio = Math.Round(r.LiveRatio, 4),
                    blockBytes = r.BlockBytes,
                    blockRatioToRaw = Math.Round((double)r.BlockBytes / r.BlockRawBytes, 4),
                    compactSeconds = Math.Round(r.CompactSeconds, 2),
                    sealMegabytesPerSecond = Math.Round(r.SealMegabytesPerSecond, 1),
                    readRowsMegabytesPerSecond = Math.Round(r.ReadRowsMegabytesPerSecond, 1),
                    readBlocksMegabytesPerSecond = Math.Round(r.ReadBlocksMegabytesPerSecond, 1),
                    readRowsCpuSeconds = Math.Round(r.ReadRowsCpuSeconds, 2),
                    readBlocksCpuSeconds = Math.Round(r.ReadBlocksCpuSeconds, 2),
                    zstd3Bytes = r.ZstdBytes,
                    xz9Bytes = r.XzBytes,
                });
                return ExitCodes.Ok;
            }
            Console.WriteLine(commandLine);
            Console.WriteLine($"machine: {MachineDescription.Describe()}");
            Console.WriteLine($"{r.Records:N0} records, {r.JsonlBytes:N0} bytes of JSONL, {r.ArgsBytes:N0} bytes of args");
            Console.WriteLine($"journal as rows        {r.RowsJournalBytes,15:N0} bytes");
            Console.WriteLine($"journal after compact  {r.CompactedJournalBytes,15:N0} bytes  {r.Ratio:F4}x the JSONL ({1 / r.Ratio:F1}x smaller)");
            Console.WriteLine($"  blocks               {r.BlockBytes,15:N0} bytes  {(double)r.BlockBytes / r.BlockRawBytes:F4}x their raw JSON ({r.Blocks:N0} blocks)");
            Console.WriteLine($"sealed live, compacted {r.LiveCompactedJournalBytes,15:N0} bytes  {r.LiveRatio:F4}x the JSONL ({1 / r.LiveRatio:F1}x smaller; {r.LiveSealedRecords:N0} records sealed live, {r.LiveRecompressedRecords:N0} recompressed)");
            Console.WriteLine($"zstd -3 of the JSONL   {Anchor(r.ZstdBytes, r.JsonlBytes)}");
            Console.WriteLine($"xz -9 of the JSONL     {Anchor(r.XzBytes, r.JsonlBytes)}");
            Console.WriteLine($"seal (compact)         {r.SealMegabytesPerSecond,10:N1} MB/s of args ({r.CompactSeconds:F2} s, vacuum included)");
            Console.WriteLine($"full read from rows    {r.ReadRowsMegabytesPerSecond,10:N1} MB/s of args (best of {repeat}; best CPU {r.ReadRowsCpuSeconds:F2} s)");
            Console.WriteLine($"full read from blocks  {r.ReadBlocksMegabytesPerSecond,10:N1} MB/s of args (best of {repeat}; best CPU {r.ReadBlocksCpuSeconds:F2} s)");
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Anchor(long? bytes, long jsonl) =>
        bytes is { } value ? $"{value,15:N0} bytes  {(double)value / jsonl:F4}x" : "(not installed)";
}
