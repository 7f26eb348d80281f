using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.Simulation;

/// <summary>
/// Rug ticks are geometric (p = 0.005 per tick, R ≥ 1). Counts below a threshold are binomial, so each check
/// allows 4.5 standard deviations: a correct generator fails it with probability below 1e-5.
/// </summary>
public class RugTickDistributionTests
{
    private const double P = 0.005;
    private const int Games = 2000;

    private static readonly int[] RugTicks = [.. FeedSimulator.Truth(SimulatedFeed.Options(Games, seed: 2024)).Where(g => g.Live).Select(g => g.RugTick)];

    private static void AssertBinomial(int observed, double probability)
    {
        var mean = Games * probability;
        var sigma = Math.Sqrt(Games * probability * (1 - probability));
        Assert.InRange(observed, mean - (4.5 * sigma), mean + (4.5 * sigma));
    }

    [Fact]
    public void About_18_percent_of_games_rug_before_tick_40()
    {
        AssertBinomial(RugTicks.Count(r => r < 40), 1 - Math.Pow(1 - P, 39));
    }

    [Fact]
    public void Half_the_games_rug_by_tick_138()
    {
        AssertBinomial(RugTicks.Count(r => r <= 138), 1 - Math.Pow(1 - P, 138));
        var sorted = RugTicks.Order().ToArray();
        Assert.InRange(sorted[Games / 2], 120, 160);
    }

    [Fact]
    public void The_long_tail_matches_too()
    {
        AssertBinomial(RugTicks.Count(r => r > 400), Math.Pow(1 - P, 400));
        Assert.Equal(Games, RugTicks.Length);
        Assert.All(RugTicks, r => Assert.InRange(r, 1, 5000));
    }
}
