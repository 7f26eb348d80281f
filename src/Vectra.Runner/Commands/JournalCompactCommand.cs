using System.CommandLine;
using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;
using Vectra.Runner.Cli;
using Vectra.Runner.Progress;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra journal compact</c>: seal every row into compressed blocks offline and give the freed space back to the file system.</summary>
internal static class JournalCompactCommand
{
    public static Command Create()
    {
        // Offline there is time to spare: bigger blocks at a higher level than the live sealer's are ~25% smaller.
        var blockRecords = new Option<int>("--block-records") { Description = "Records per block.", DefaultValueFactory = _ => 4096 };
        var level = new Option<int>("--level") { Description = "zstd level 1..22.", DefaultValueFactory = _ => 9 };
        var json = CommonOptions.Json();
        var command = new Command("compact", "Seal every record still stored as a row into compressed blocks, rewrite smaller or lower-level blocks (the live sealer's) into blocks of --block-records at --level, then shrink journal.db. Needs the writer lock: stop a running capture first. Exit 1 if a damaged row stops it.")
        {
            blockRecords, level, json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(blockRecords), parse.GetValue(level), parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, int blockRecords, int level, bool json)
    {
        var policy = new SealPolicy { BlockRecords = blockRecords, Level = level };
        if (policy.BlockRecords is < 1 or > 1_000_000 || policy.Level is < 1 or > 22)
        {
            throw new UsageException("--block-records must be 1..1000000 and --level 1..22.");
        }
        long tail;
        using (var reader = JournalReader.Open(data))
        {
            tail = reader.Tail;
        }
        var progress = json ? null : new ProgressLine("compact", "records", tail);
        var result = JournalCompactor.Compact(data, policy, progress);
        progress?.Finish(tail);
        if (json)
        {
            ConsoleJson.Print(new { result.BlocksWritten, result.RecordsSealed, result.BlocksRecompressed, result.RecordsRecompressed, result.BytesBefore, result.BytesAfter });
            return ExitCodes.Ok;
        }
        Console.WriteLine($"sealed {result.RecordsSealed:N0} records into {result.BlocksWritten:N0} blocks (zstd level {policy.Level}, {policy.BlockRecords:N0} records per block)");
        if (result.BlocksRecompressed > 0)
        {
            Console.WriteLine($"recompressed {result.RecordsRecompressed:N0} records from smaller or lower-level blocks into {result.BlocksRecompressed:N0} blocks");
        }
        Console.WriteLine($"journal files {result.BytesBefore:N0} -> {result.BytesAfter:N0} bytes");
        return ExitCodes.Ok;
    }
}
