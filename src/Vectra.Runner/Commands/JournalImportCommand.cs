using System.CommandLine;
using Vectra.Journal;
using Vectra.Journal.Jsonl;
using Vectra.Journal.Reading;
using Vectra.Journal.Storage;
using Vectra.Journal.Writing;
using Vectra.Runner.Cli;
using Vectra.Runner.Progress;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra journal import</c>: journal JSONL into a journal, keeping every meta_* value.</summary>
internal static class JournalImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A JSONL file written by `vectra journal export` (or `vectra simulate`); - reads stdin." };
        var durability = new Option<string?>("--durability")
        {
            Description = "always | batch | none. Default: none (made durable when the import ends) into a new, empty journal; batch into one that holds records, so they are never at risk.",
        };
        var command = new Command("import", "Read journal JSONL into the journal keeping meta_seq, meta_ts, meta_session, meta_conn and meta_source. Records already present byte for byte are skipped.")
        {
            file, durability,
        };
        var sealing = new SealingOptions().AddTo(command);
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetRequiredValue(file), parse.GetValue(durability), sealing.Resolve(parse)));
        return command;
    }

    private static int Run(string data, string path, string? durabilityName, Vectra.Journal.Blocks.SealPolicy sealing)
    {
        var durability = durabilityName is null ? DefaultDurability(data) : Durability.TryParse(durabilityName)
            ?? throw new UsageException($"--durability {durabilityName} is not a policy; use always, batch or none.");
        if (path != "-" && !File.Exists(path))
        {
            throw new UsageException($"{path} does not exist. Pass a JSONL file written by `vectra journal export`.");
        }
        using var input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
        var progress = new ProgressLine("import", "bytes", path == "-" ? 0 : input.Length);
        ExactImportResult result;
        if (durabilityName is null)
        {
            Console.Error.WriteLine(durability == Durability.None
                ? "durability: none (a new, empty journal: commits are not fsynced; everything is made durable when the import ends)"
                : "durability: batch (the journal already holds records: every commit is fsynced, so they are never at risk)");
        }
        using (var writer = JournalWriter.Open(data, durability, sealing))
        {
            result = JsonlExactImporter.ImportAsync(input, writer, progress).GetAwaiter().GetResult();
        }
        progress.Finish(path == "-" ? 0 : input.Length);
        Console.WriteLine($"imported {result.Imported:N0} records ({result.AlreadyPresent:N0} already present) from {result.Lines:N0} lines");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// <c>none</c> only where a crash can lose nothing but the import itself: a journal that does not exist yet or
    /// holds no record. Appending to records already there (a capture), every commit is fsynced.
    /// </summary>
    private static Durability DefaultDurability(string data)
    {
        if (!new JournalFiles(data).Exists)
        {
            return Durability.None;
        }
        using var reader = JournalReader.Open(data);
        return reader.Tail == 0 ? Durability.None : Durability.Batch;
    }
}
