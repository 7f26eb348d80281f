using System.CommandLine;
using Vectra.Projections;
using Vectra.Projections.Runtime;
using Vectra.Runner.Cli;
using Vectra.Runner.Progress;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra project</c>: bring every projection up to the journal, and with --follow keep them there.</summary>
internal static class ProjectCommand
{
    public static Command Create()
    {
        var follow = new Option<bool>("--follow") { Description = "After catching up, keep applying new records as they are journaled, until Ctrl+C or SIGTERM." };
        var command = new Command("project", "Apply the journal to every projection (views.db) from its checkpoint.")
        {
            follow,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(follow)));
        return command;
    }

    private static int Run(string data, bool follow)
    {
        using var runner = ProjectionRunner.Open(data, ProjectionCatalog.All());
        using var stop = new StopSignal();
        var start = runner.States().Min(s => s.Checkpoint);
        var progress = new ProgressLine("project", "records", Math.Max(0, runner.JournalTail - start));
        var read = runner.CatchUp(new Progress<long>(seq => progress.Report(seq - start)), stop.Token);
        progress.Finish(read);
        if (follow && !stop.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("following the journal (Ctrl+C to stop)…");
            runner.FollowAsync(signal: null, stop.Token).GetAwaiter().GetResult();
        }
        PrintStates(runner.States());
        return ExitCodes.Ok;
    }

    internal static void PrintStates(IReadOnlyList<ProjectionState> states)
    {
        foreach (var state in states)
        {
            Console.WriteLine($"{state.Name,-12} v{state.Version}  checkpoint {state.Checkpoint:N0}  lag {state.Lag:N0}  quarantined {state.Quarantined:N0}");
        }
    }
}
