namespace Vectra.Projections.Rugs.Fairness;

/// <summary>Compares a published completed game with the outcome its revealed seed regenerates.</summary>
public static class FairnessCheck
{
    /// <summary>Checks hash, price path (exact doubles, length R+1) and peak of <paramref name="game"/>.</summary>
    public static FairnessResult Check(CompletedGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (string.IsNullOrEmpty(game.ServerSeed))
        {
            return Result(game, FairnessVerdict.Unverifiable, null, "server seed not revealed");
        }
        if (game.ServerSeedHash is not null && !SeedHash.Matches(game.ServerSeed, game.ServerSeedHash))
        {
            return Result(game, FairnessVerdict.HashMismatch, null, "SHA-256 of the seed differs from serverSeedHash");
        }
        GameVersion? version = GameVersion.V3;
        if (game.Version is not null && !GameVersions.TryParse(game.Version, out version))
        {
            return Result(game, FairnessVerdict.Unverifiable, null, $"unknown game version '{game.Version}'");
        }
        var outcome = FairGame.Generate(game.ServerSeed, game.Id, version.Value);
        var mismatch = FindMismatch(game, outcome);
        if (mismatch is not null)
        {
            return Result(game, FairnessVerdict.PriceMismatch, outcome, mismatch);
        }
        if (game.ServerSeedHash is null && game.Prices is not { Count: > 0 } && game.PeakMultiplier is null)
        {
            return Result(game, FairnessVerdict.Unverifiable, outcome, "no hash, prices or peak to compare");
        }
        return Result(game, FairnessVerdict.Verified, outcome, $"rug tick {outcome.RugTick}, peak {outcome.Peak:R}");
    }

    /// <summary>Checks a seed against a hash and regenerates the game; <see cref="FairnessVerdict.Unverifiable"/> without a hash.</summary>
    public static FairnessResult Check(string gameId, string serverSeed, string? serverSeedHash, GameVersion version = GameVersion.V3) =>
        Check(new CompletedGame(gameId, serverSeed, serverSeedHash, null, null, version.ToText()));

    private static string? FindMismatch(CompletedGame game, GameOutcome outcome)
    {
        // An empty list publishes nothing to compare (a history entry with "prices": []).
        if (game.Prices is { Count: > 0 } published)
        {
            if (published.Count != outcome.RugTick + 1)
            {
                return $"published {published.Count} prices, seed gives rug tick {outcome.RugTick} ({outcome.RugTick + 1} prices)";
            }
            for (var tick = 0; tick < outcome.RugTick; tick++)
            {
                if (published[tick].CompareTo(outcome.Prices[tick]) != 0)
                {
                    return $"tick {tick}: published {published[tick]:R}, seed gives {outcome.Prices[tick]:R}";
                }
            }
        }
        if (game.PeakMultiplier is { } peak && peak.CompareTo(outcome.Peak) != 0)
        {
            return $"published peak {peak:R}, seed gives {outcome.Peak:R}";
        }
        return null;
    }

    private static FairnessResult Result(CompletedGame game, FairnessVerdict verdict, GameOutcome? outcome, string reason) =>
        new(game.Id, verdict, outcome, reason);
}
