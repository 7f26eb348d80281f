using Vectra.Projections.Rugs.Fairness;
using Vectra.Tests.Common;
using Xunit.Abstractions;

namespace Vectra.Projections.Tests.Fairness;

public class RealGameFairnessTests(ITestOutputHelper output)
{
    [RealDataFact]
    public void Every_revealed_real_game_regenerates_exactly_from_its_seed()
    {
        var games = RealGameHistory.Load();
        var withPrices = 0;

        foreach (var game in games)
        {
            Assert.True(SeedHash.Matches(game.ServerSeed!, game.ServerSeedHash!), $"{game.Id}: hash");
            var outcome = FairGame.Generate(game.ServerSeed!, game.Id);
            if (game.Prices is { } prices)
            {
                withPrices++;
                Assert.Equal(outcome.RugTick + 1, prices.Count);
                Assert.Equal(outcome.Prices, prices.Take(outcome.RugTick));
            }
            Assert.Equal(game.PeakMultiplier, outcome.Peak);
            Assert.Equal(FairnessVerdict.Verified, FairnessCheck.Check(game).Verdict);
        }

        output.WriteLine($"verified {games.Count} distinct real games ({withPrices} with prices, {games.Count - withPrices} by peak and hash)");
        Assert.True(games.Count > 0);
    }
}
