using System.CommandLine;
using Vectra.Runner.Cli;
using Vectra.Runner.Import;
using Vectra.Runner.Replay;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra replay</c>: import recordings, then replay the new records at a chosen pace into the projections.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("RECORDING") { Description = "Recording files, or folders searched recursively for *.jsonl and *.json.", Arity = ArgumentArity.OneOrMore };
        var speed = new Option<string>("--speed")
        {
            Description = "N = N times the recorded pace (by meta_ts), max = no pacing (default max).",
            DefaultValueFactory = _ => "max",
        };
        var format = ImportCommandOptions.Format();
        var zone = ImportCommandOptions.TimeZone();
        var command = new Command("replay", "Import recordings into the journal, then replay the records it added, paced by their meta_ts, into the projections.")
        {
            paths, speed, format, zone,
        };
        var sealing = new SealingOptions().AddTo(command);
        command.SetAction(parse => Run(
            parse.GetRequiredValue(CommonOptions.Data),
            parse.GetRequiredValue(paths),
            ImportCommandOptions.Parse(parse.GetRequiredValue(format), parse.GetRequiredValue(zone)) with { Sealing = sealing.Resolve(parse) },
            parse.GetRequiredValue(speed)));
        return command;
    }

    private static int Run(string data, string[] paths, ImportOptions options, string speedText)
    {
        var speed = ReplaySpeed.TryParse(speedText)
            ?? throw new UsageException($"--speed {speedText}: give a positive number (2 = twice the recorded pace) or max.");
        using var projections = new ProjectionsSink(data, TimeProvider.System);
        var (files, replay) = RecordingReplay.RunAsync(data, paths, options, speed, TimeProvider.System, projections).GetAwaiter().GetResult();
        var imported = files.Count(f => f.Outcome == ImportOutcome.Imported);
        var already = files.Count(f => f.Outcome == ImportOutcome.AlreadyImported);
        Console.WriteLine($"imported {imported:N0} files ({already:N0} already in the journal, not replayed again)");
        Console.WriteLine($"replayed {replay.Records:N0} records at speed {speed} in {replay.Elapsed.TotalSeconds:F3} s: {replay.RecordsPerSecond:N0} records/s");
        ProjectCommand.PrintStates(projections.States());
        return ExitCodes.Ok;
    }
}
