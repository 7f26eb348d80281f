namespace Vectra.Projections.Rugs.Fairness;

/// <summary>Regenerates a game's price path from its revealed server seed, bit for bit as the server computed it.</summary>
public static class FairGame
{
    /// <summary>The outcome of game <paramref name="gameId"/> under <paramref name="serverSeed"/>.</summary>
    public static GameOutcome Generate(string serverSeed, string gameId, GameVersion version = GameVersion.V3)
    {
        ArgumentNullException.ThrowIfNull(serverSeed);
        ArgumentNullException.ThrowIfNull(gameId);
        var random = SeededRandom.ForGame(serverSeed, gameId);
        var prices = new List<double>(256) { 1.0 };
        var price = 1.0;
        var peak = 1.0;
        for (var iteration = 0; iteration < GameRules.MaxTicks; iteration++)
        {
            if (random.NextDouble() < GameRules.RugProbability)
            {
                break;
            }
            price = NextPrice(random, price, version);
            peak = Math.Max(peak, price);
            prices.Add(price);
        }
        prices.TrimExcess();
        return new GameOutcome(prices, prices.Count, peak);
    }

    private static double NextPrice(SeededRandom random, double price, GameVersion version)
    {
        if (version == GameVersion.V3
            && random.NextDouble() < GameRules.GodCandleChance
            && price <= GameRules.GodCandleCap)
        {
            return price * GameRules.GodCandleMove;
        }
        double change;
        if (random.NextDouble() < GameRules.BigMoveChance)
        {
            var size = GameRules.BigMoveMin + (random.NextDouble() * (GameRules.BigMoveMax - GameRules.BigMoveMin));
            change = random.NextDouble() > 0.5 ? size : -size;
        }
        else
        {
            var drift = GameRules.DriftMin + (random.NextDouble() * (GameRules.DriftMax - GameRules.DriftMin));
            var factor = Math.Sqrt(price);
            if (version != GameVersion.V1)
            {
                factor = Math.Min(GameRules.VolatilityFactorCap, factor);
            }
            var volatility = GameRules.BaseVolatility * factor;
            change = drift + (volatility * ((2 * random.NextDouble()) - 1));
        }
        return Math.Max(0, price * (1 + change));
    }
}
