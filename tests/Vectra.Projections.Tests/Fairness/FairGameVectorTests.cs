using Vectra.Projections.Rugs.Fairness;

namespace Vectra.Projections.Tests.Fairness;

public class FairGameVectorTests
{
    [Fact]
    public void December_game_rugs_at_tick_266_with_the_published_peak()
    {
        var outcome = FairGame.Generate("bca795ea31f91aa387622f2548ea5c380774282ea78ec9772bfaa85f3ef6f051", "20251207-e8186dbf38e046d1");

        Assert.Equal(266, outcome.RugTick);
        Assert.Equal(266, outcome.Prices.Count);
        Assert.Equal(2.809169793399426, outcome.Peak);
        Assert.Equal(1.0, outcome.Prices[0]);
    }

    [Fact]
    public void December_game_rug_remainder_is_at_most_two_percent_of_the_last_simulated_price()
    {
        var outcome = FairGame.Generate("bca795ea31f91aa387622f2548ea5c380774282ea78ec9772bfaa85f3ef6f051", "20251207-e8186dbf38e046d1");
        const double publishedRemainder = 0.00925864293410624;

        var lastSimulated = outcome.Prices[^1];

        Assert.True(publishedRemainder <= lastSimulated * 0.02 + 1e-15, $"last simulated {lastSimulated:R}");
        Assert.True(publishedRemainder > 0);
    }

    [Fact]
    public void Short_december_game_rugs_at_tick_7_and_never_rises_above_one()
    {
        var outcome = FairGame.Generate("3ebcc4cd5daa7e41cb996efb2c4b73f0235b8e385617c142f17eee9b685d9a7d", "20251215-1a211bfc7caf41d6");

        Assert.Equal(7, outcome.RugTick);
        Assert.Equal(1.0, outcome.Peak);
    }

    [Fact]
    public void February_god_candle_game_reaches_the_published_peak()
    {
        var outcome = FairGame.Generate("3b0be421325842c3ea7beff145e001b910bab19d2c6d14a48dfc3b3cb935f2ca", "20260206-37b5f0ba6e014e7c");

        Assert.Equal(700, outcome.RugTick);
        Assert.Equal(1122.2782485733776, outcome.Peak);
        Assert.Equal(outcome.Prices[364] * 10, outcome.Prices[365]);
    }

    [Fact]
    public void Without_the_god_candle_draw_v2_gives_a_different_path_for_the_same_seed()
    {
        var v3 = FairGame.Generate("bca795ea31f91aa387622f2548ea5c380774282ea78ec9772bfaa85f3ef6f051", "20251207-e8186dbf38e046d1");
        var v2 = FairGame.Generate("bca795ea31f91aa387622f2548ea5c380774282ea78ec9772bfaa85f3ef6f051", "20251207-e8186dbf38e046d1", GameVersion.V2);

        Assert.NotEqual(v3.Prices, v2.Prices);
    }
}
