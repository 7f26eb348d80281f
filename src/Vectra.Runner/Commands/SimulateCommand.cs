using System.CommandLine;
using System.Globalization;
using Vectra.Projections.Exports.Files;
using Vectra.Runner.Cli;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra simulate</c>: a deterministic public-feed session as journal JSONL, optionally with faults and ground truth.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var games = new Option<int>("--games") { Description = "How many games to play.", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "The seed; the same seed gives the same bytes.", DefaultValueFactory = _ => 1 };
        var start = new Option<string?>("--start") { Description = "Virtual start instant, ISO-8601 UTC (default 2025-12-12T22:16:58Z)." };
        var output = new Option<string?>("--out") { Description = "Write the JSONL to this file instead of stdout." };
        var faults = new Option<string?>("--faults") { Description = "Comma list: dup-extended, out-of-order, missing-rug-emission, gap:K, mid-game, torn, reconnect." };
        var truth = new Option<string?>("--truth") { Description = "Also write the ground truth (games, prices, trades, sidebets; the player's requests and states with --player) as JSON to this file." };
        var player = new Option<string?>("--player")
        {
            Description = "Also simulate one authenticated player with this id: its sent orders ($cdp.sent), the acks ($cdp.ack), its trades, playerUpdate and gameStatePlayerUpdate.",
        };
        var command = new Command("simulate", "Generate a deterministic rugs.fun public-feed session as journal JSONL (meta_source simulate).")
        {
            games, seed, start, output, faults, truth, player,
        };
        command.SetAction(parse => Run(
            new SimulationOptions(parse.GetValue(games), parse.GetValue(seed), ParseStart(parse.GetValue(start)), ParseFaults(parse.GetValue(faults)), ParsePlayer(parse.GetValue(player))),
            parse.GetValue(output),
            parse.GetValue(truth)));
        return command;
    }

    private static int Run(SimulationOptions options, string? outputPath, string? truthPath)
    {
        if (options.Games < 0)
        {
            throw new UsageException($"--games {options.Games}: give zero or more games.");
        }
        SimulationSummary summary;
        if (outputPath is null)
        {
            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            summary = FeedSimulator.Write(options, buffered);
        }
        else
        {
            using var file = new DurableFile(outputPath);
            summary = FeedSimulator.Write(options, file.Stream);
            file.Commit();
        }
        if (truthPath is not null)
        {
            using var file = new FileStream(truthPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            FeedSimulator.WriteTruth(options, file);
        }
        Console.Error.WriteLine($"simulated {summary.Games:N0} games: {summary.Records:N0} records, session {summary.Session}"
            + (summary.TornLines > 0 ? $", {summary.TornLines} torn lines" : ""));
        return ExitCodes.Ok;
    }

    private static DateTimeOffset ParseStart(string? text)
    {
        if (text is null)
        {
            return SimulationOptions.DefaultStart;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            ? start
            : throw new UsageException($"--start '{text}' is not an ISO-8601 instant, e.g. 2025-12-12T22:16:58Z.");
    }

    private static string? ParsePlayer(string? id) =>
        id is null || !string.IsNullOrWhiteSpace(id) ? id : throw new UsageException("--player: give the player's id, e.g. did:privy:cmsimplayer0000000000000001.");

    private static SimulationFaults ParseFaults(string? list)
    {
        try
        {
            return SimulationOptions.ParseFaults(list);
        }
        catch (FormatException error)
        {
            throw new UsageException($"--faults: {error.Message}");
        }
    }
}
