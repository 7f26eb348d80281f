using System.CommandLine;
using Vectra.Projections;
using Vectra.Projections.Runtime;
using Vectra.Runner.Cli;
using Vectra.Runner.Progress;

namespace Vectra.Runner.Commands;

/// <summary>
/// <c>vectra export events</c>: bring the <c>events</c> export (every journal record as a Parquet row) up to the journal
/// from its own checkpoint. It is not a live projection: it copies the whole journal, so project, capture and rebuild
/// leave it to this command (docs/architecture.md §6.1).
/// </summary>
/// <remarks>
/// Failure policy: as <c>vectra project</c>: the export's files and checkpoint move together, a stop (Ctrl+C, SIGTERM,
/// SIGKILL) resumes at the checkpoint on the next run, and closed files are written again with the same bytes.
/// </remarks>
internal static class ExportEventsCommand
{
    public static Command Create()
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "Start again from meta_seq 1: delete the open file and write every closed file again (the same bytes)." };
        var command = new Command("events", "Write the events export (exports/doc_type=events: one row per journal record, its payload as JSON text) up to the journal's last record, from where the previous run stopped. Not written by `vectra project` or capture: run it when you need the files.")
        {
            rebuild,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(rebuild)));
        return command;
    }

    private static int Run(string data, bool rebuild)
    {
        using var runner = ProjectionRunner.Open(data, ProjectionCatalog.Events());
        if (rebuild)
        {
            runner.Reset();
        }
        using var stop = new StopSignal();
        var start = runner.States().Where(s => s.Name == "export.events").Select(s => s.Checkpoint).DefaultIfEmpty(0).Min();
        var progress = new ProgressLine("export events", "records", Math.Max(0, runner.JournalTail - start));
        var read = runner.CatchUp(new Progress<long>(seq => progress.Report(seq - start)), stop.Token);
        progress.Finish(read);
        ProjectCommand.PrintStates(runner.States().Where(s => s.Name == "export.events").ToList());
        return ExitCodes.Ok;
    }
}
