using System.CommandLine;
using Vectra.Projections;
using Vectra.Projections.Runtime;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra rebuild</c>: drop projections and apply the journal again from meta_seq 1.</summary>
internal static class RebuildCommand
{
    public static Command Create()
    {
        var projection = new Option<string?>("--projection") { Description = $"Rebuild only this projection ({string.Join(", ", ProjectionCatalog.Names)}); default: all." };
        var command = new Command("rebuild", "Delete the projections' tables and rebuild them from the journal, from meta_seq 1, with progress (records/s, ETA).")
        {
            projection,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(projection)));
        return command;
    }

    private static int Run(string data, string? name)
    {
        if (name is not null && !ProjectionCatalog.Names.Contains(name))
        {
            throw new CliUsageException($"--projection {name}: there is no such projection; choose one of {string.Join(", ", ProjectionCatalog.Names)}.");
        }
        using var runner = ProjectionRunner.Open(data, ProjectionCatalog.All());
        runner.Reset(name is null ? null : [name]);
        var progress = new ProgressLine("rebuild", "records", runner.JournalTail);
        var read = runner.CatchUp(progress);
        progress.Finish(read);
        ProjectCommand.PrintStates(runner.States());
        return ExitCodes.Ok;
    }
}
