using System.CommandLine;
using Vectra.Journal;
using Vectra.Journal.Jsonl;
using Vectra.Journal.Writing;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra journal import</c>: journal JSONL into a journal, keeping every meta_* value.</summary>
internal static class JournalImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A JSONL file written by `vectra journal export` (or `vectra simulate`); - reads stdin." };
        var durability = new Option<string>("--durability")
        {
            Description = "always | batch | none (default: none, made durable when the import ends).",
            DefaultValueFactory = _ => "none",
        };
        var command = new Command("import", "Read journal JSONL into the journal keeping meta_seq, meta_ts, meta_session, meta_conn and meta_source. Records already present byte for byte are skipped.")
        {
            file, durability,
        };
        var sealing = new SealingOptions().AddTo(command);
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetRequiredValue(file), parse.GetRequiredValue(durability), sealing.Resolve(parse)));
        return command;
    }

    private static int Run(string data, string path, string durabilityName, Vectra.Journal.Blocks.SealPolicy sealing)
    {
        var durability = Durability.TryParse(durabilityName)
            ?? throw new CliUsageException($"--durability {durabilityName} is not a policy; use always, batch or none.");
        if (path != "-" && !File.Exists(path))
        {
            throw new CliUsageException($"{path} does not exist. Pass a JSONL file written by `vectra journal export`.");
        }
        using var input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
        var progress = new ProgressLine("import", "bytes", path == "-" ? 0 : input.Length);
        ExactImportResult result;
        using (var writer = JournalWriter.Open(data, durability, sealing))
        {
            result = JsonlExactImporter.ImportAsync(input, writer, progress).GetAwaiter().GetResult();
        }
        progress.Finish(path == "-" ? 0 : input.Length);
        Console.WriteLine($"imported {result.Imported:N0} records ({result.AlreadyPresent:N0} already present) from {result.Lines:N0} lines");
        return ExitCodes.Ok;
    }
}
