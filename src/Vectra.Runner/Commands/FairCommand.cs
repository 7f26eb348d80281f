using System.CommandLine;
using Vectra.Projections.Rugs.Fairness;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra fair GAME_ID SERVER_SEED</c>: checks a seed against its hash and regenerates the game's prices.</summary>
internal static class FairCommand
{
    public static Command Create()
    {
        var gameId = new Argument<string>("GAME_ID") { Description = "The game id, e.g. 20251207-e8186dbf38e046d1." };
        var serverSeed = new Argument<string>("SERVER_SEED") { Description = "The revealed server seed (64 hex characters)." };
        var hash = new Option<string?>("--hash") { Description = "The published serverSeedHash to check the seed against." };
        var version = new Option<string>("--version") { Description = "Game version: v1, v2 or v3.", DefaultValueFactory = _ => "v3" };
        var json = CommonOptions.Json();
        var command = new Command("fair", "Verify a revealed seed (SHA-256 against the hash) and print the regenerated rug tick, peak and prices.")
        {
            gameId, serverSeed, hash, version, json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(gameId), parse.GetRequiredValue(serverSeed), parse.GetValue(hash), parse.GetRequiredValue(version), parse.GetValue(json)));
        return command;
    }

    private static int Run(string gameId, string serverSeed, string? hash, string versionText, bool json)
    {
        if (!GameVersions.TryParse(versionText, out var version))
        {
            throw new UsageException($"--version '{versionText}': use v1, v2 or v3.");
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(serverSeed, "^[0-9a-f]{64}$"))
        {
            throw new UsageException($"SERVER_SEED '{serverSeed}' is not a revealed seed: those are 64 lowercase hex characters (gameHistory[].provablyFair.serverSeed).");
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(gameId, "^[0-9]{8}-[0-9a-f]{16}$"))
        {
            throw new UsageException($"GAME_ID '{gameId}' is not a rugs.fun game id: those look like 20251207-e8186dbf38e046d1.");
        }
        var check = FairnessCheck.Check(gameId, serverSeed, hash, version.Value);
        var verdict = check.Verdict;
        // The check stops at a hash mismatch; the prices the seed gives are printed all the same.
        var outcome = check.Outcome ?? FairGame.Generate(serverSeed, gameId, version.Value);
        var computedHash = SeedHash.Compute(serverSeed);
        if (json)
        {
            ConsoleJson.Print(new
            {
                gameId,
                hashOk = hash is null ? (bool?)null : verdict == FairnessVerdict.Verified,
                rugTick = outcome.RugTick,
                peak = outcome.Peak,
                prices = outcome.Prices,
                version = version.Value.ToText(),
                serverSeedHash = computedHash,
            });
        }
        else
        {
            Console.Out.WriteLine($"game      {gameId} ({version.Value.ToText()})");
            Console.Out.WriteLine($"hash      {computedHash}" + (hash is null ? " (no --hash given)" : verdict == FairnessVerdict.Verified ? " matches" : $" DOES NOT MATCH {hash}"));
            Console.Out.WriteLine($"rug tick  {outcome.RugTick} ({outcome.RugTick} simulated prices, then the rug remainder)");
            Console.Out.WriteLine($"peak      {outcome.Peak:R}");
            Console.Out.WriteLine($"prices    ticks 0..{outcome.RugTick - 1}:");
            foreach (var line in outcome.Prices.Chunk(8))
            {
                Console.Out.WriteLine("  " + string.Join(' ', line.Select(p => p.ToString("R"))));
            }
        }
        return verdict == FairnessVerdict.HashMismatch ? ExitCodes.ProblemFound : ExitCodes.Ok;
    }
}
