using System.CommandLine;
using Vectra.Journal.Jsonl;
using Vectra.Journal.Reading;
using Vectra.Projections.Exports.Files;
using Vectra.Runner.Cli;
using Vectra.Runner.Progress;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra journal export</c>: a seq range as JSONL, the project's recording format.</summary>
internal static class JournalExportCommand
{
    public static Command Create()
    {
        var from = new Option<long>("--from") { Description = "First meta_seq to export (default: the first).", DefaultValueFactory = _ => 1 };
        var to = new Option<long>("--to") { Description = "Last meta_seq to export (default: the last).", DefaultValueFactory = _ => long.MaxValue };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout." };
        var command = new Command("export", "Write journal records as JSONL, one per line: meta_seq, meta_ts, meta_session, meta_conn, meta_source, event, args (verbatim).")
        {
            from, to, output,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(from), parse.GetValue(to), parse.GetValue(output)));
        return command;
    }

    private static int Run(string data, long from, long to, string? outputPath)
    {
        if (from < 1 || to < from)
        {
            throw new UsageException($"--from {from} --to {to} is not a range of meta_seq values; both start at 1 and --to must not be below --from.");
        }
        using var reader = JournalReader.Open(data);
        var last = Math.Min(to, reader.Tail);
        if (outputPath is null)
        {
            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            JsonlExporter.Export(reader, from, to, buffered);
            return ExitCodes.Ok;
        }
        var progress = new ProgressLine("export", "records", Math.Max(0, last - from + 1));
        long count;
        using (var file = new DurableFile(outputPath))
        {
            count = JsonlExporter.Export(reader, from, to, file.Stream, new Progress<long>(seq => progress.Report(seq - from + 1)));
            file.Commit();
        }
        progress.Finish(count);
        Console.Error.WriteLine($"exported {count:N0} records to {outputPath}");
        return ExitCodes.Ok;
    }
}
