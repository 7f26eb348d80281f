using System.CommandLine;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary>The <c>vectra</c> command tree, and the one place exceptions become exit codes.</summary>
internal static class VectraCli
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Vectra: an embedded event-sourcing engine for the rugs.fun feed. Every frame goes into a durable journal; everything else is rebuilt from it.")
        {
            CommonOptions.Data,
        };
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(new Command("journal", "Export and import journal records as JSONL; compact the journal.")
        {
            JournalExportCommand.Create(),
            JournalImportCommand.Create(),
            JournalCompactCommand.Create(),
        });
        root.Subcommands.Add(ProjectCommand.Create());
        root.Subcommands.Add(RebuildCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(FairCommand.Create());
        root.Subcommands.Add(CaptureCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(new Command("stream", "Set up the NATS JetStream stream that capture runners on many machines publish to.")
        {
            StreamCreateCommand.Create(),
        });
        root.Subcommands.Add(MirrorCommand.Create());
        root.Subcommands.Add(new Command("export", "Write derived files: CSV from views.db, the events export from the journal.")
        {
            ExportCsvCommand.Create(),
            ExportEventsCommand.Create(),
        });
        root.Subcommands.Add(new Command("bench", "Measure speed; figures go to BENCHMARKS.md.")
        {
            BenchAppendCommand.Create(),
            BenchRebuildCommand.Create(),
            BenchCaptureCommand.Create(),
            BenchParquetCommand.Create(),
            BenchCompactCommand.Create(),
            BenchServeCommand.Create(),
            BenchNatsCommand.Create(),
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"vectra: {error.Message}");
            }
            Console.Error.WriteLine("Run `vectra --help` (or `vectra COMMAND --help`) for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception error)
        {
            return CommandFailure.Report(error);
        }
    }
}
