using System.CommandLine;
using Vectra.Runner.Cli;
using Vectra.Runner.Import;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra import</c>: legacy recordings (files or folders) into the journal as <c>import:&lt;format&gt;</c> records.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Recording files, or folders searched recursively for *.jsonl and *.json.", Arity = ArgumentArity.OneOrMore };
        var format = ImportCommandOptions.Format();
        var zone = ImportCommandOptions.TimeZone();
        var json = CommonOptions.Json();
        var command = new Command("import", "Import legacy recordings into the journal (meta_source import:<format>). Torn lines are skipped and counted; a file imported before is skipped.")
        {
            paths, format, zone, json,
        };
        var sealing = new SealingOptions().AddTo(command);
        command.SetAction(parse => Run(
            parse.GetRequiredValue(CommonOptions.Data),
            parse.GetRequiredValue(paths),
            ImportCommandOptions.Parse(parse.GetRequiredValue(format), parse.GetRequiredValue(zone)) with { Sealing = sealing.Resolve(parse) },
            parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, string[] paths, ImportOptions options, bool json)
    {
        var results = RecordingImport.IntoJournal(data, paths, options, out var session);
        Report(results, session, json);
        return ExitCodes.Ok;
    }

    private static void Report(IReadOnlyList<FileImportResult> results, Guid session, bool json)
    {
        if (json)
        {
            ConsoleJson.Print(new
            {
                session,
                files = results.Select(r => new
                {
                    path = r.Path,
                    outcome = r.Outcome.ToString(),
                    format = r.Format?.Name,
                    lines = r.Lines,
                    skipped = r.Skipped,
                    records = r.Records,
                    sha256 = r.Sha256,
                    firstSeq = r.Appended?.First,
                    lastSeq = r.Appended?.Last,
                }),
            });
            return;
        }
        foreach (var r in results)
        {
            Console.WriteLine(r.Outcome switch
            {
                ImportOutcome.Imported => $"imported {r.Path} as {r.Format!.Name}: {r.Records:N0} records from {r.Lines:N0} lines, {r.Skipped:N0} skipped",
                ImportOutcome.AlreadyImported => $"already imported {r.Path} (same sha256); nothing added",
                _ => $"not a recording, left alone: {r.Path}",
            });
        }
        var imported = results.Where(r => r.Outcome == ImportOutcome.Imported).ToList();
        Console.WriteLine($"{imported.Count:N0} files imported, {imported.Sum(r => r.Records):N0} records, {imported.Sum(r => r.Skipped):N0} lines skipped, session {session}");
    }
}
