using Vectra.Projections.Rugs.Fairness;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.Simulation;

public class SimulatedFairnessTests
{
    [Fact]
    public void Every_game_in_the_truth_verifies_with_the_fairness_engine()
    {
        var truth = FeedSimulator.Truth(SimulatedFeed.Options(300, seed: 11));

        Assert.All(truth, game =>
        {
            var result = FairnessCheck.Check(new CompletedGame(game.Id, game.ServerSeed, game.ServerSeedHash, game.Prices, game.Peak, game.Version));
            Assert.Equal(FairnessVerdict.Verified, result.Verdict);
            Assert.Equal(game.Prices.Count - 1, result.Outcome!.RugTick);
        });
    }

    [Fact]
    public void Every_published_history_entry_verifies_and_every_played_game_is_published()
    {
        var options = SimulatedFeed.Options(40, seed: 12);
        var published = new Dictionary<string, CompletedGame>(StringComparer.Ordinal);
        foreach (var state in SimulatedFeed.GameStates(FeedSimulator.Records(options)))
        {
            if (state.TryGetProperty("gameHistory", out var history))
            {
                foreach (var entry in history.EnumerateArray())
                {
                    var game = CompletedGameJson.Read(entry)!;
                    published[game.Id] = game;
                }
            }
        }

        Assert.All(published.Values, game => Assert.Equal(FairnessVerdict.Verified, FairnessCheck.Check(game).Verdict));
        var truth = FeedSimulator.Truth(options);
        Assert.Equal(truth.Select(g => g.Id).Order(StringComparer.Ordinal), published.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sidebets_win_exactly_when_the_rug_falls_inside_their_forty_tick_window()
    {
        var truth = FeedSimulator.Truth(SimulatedFeed.Options(300, seed: 13));
        var bets = truth.SelectMany(g => g.Sidebets.Select(b => (g.RugTick, Bet: b))).ToList();

        Assert.Contains(bets, b => b.Bet.Won);
        Assert.Contains(bets, b => !b.Bet.Won);
        Assert.All(bets, b =>
        {
            Assert.Equal(b.Bet.StartTick + 40, b.Bet.EndTick);
            Assert.Equal(b.RugTick <= b.Bet.EndTick, b.Bet.Won);
            Assert.Equal(b.Bet.Won ? Math.Round(b.Bet.Bet * 5, 9) : 0, b.Bet.Payout);
        });
    }
}
