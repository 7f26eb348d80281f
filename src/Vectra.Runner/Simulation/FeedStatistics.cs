namespace Vectra.Runner.Simulation;

/// <summary>The feed's statistics over the last 100 completed games: average peak and how many reached 2×, 10×, 50×, 100×.</summary>
internal sealed record FeedStatistics(double AverageMultiplier, int Count2x, int Count10x, int Count50x, int Count100x)
{
    private const int Window = 100;

    public static FeedStatistics Over(IReadOnlyList<GameTruth> completedNewestLast)
    {
        var recent = completedNewestLast.Skip(Math.Max(0, completedNewestLast.Count - Window)).ToArray();
        if (recent.Length == 0)
        {
            return new FeedStatistics(1, 0, 0, 0, 0);
        }
        return new FeedStatistics(
            recent.Average(g => g.Peak),
            recent.Count(g => g.Peak >= 2),
            recent.Count(g => g.Peak >= 10),
            recent.Count(g => g.Peak >= 50),
            recent.Count(g => g.Peak >= 100));
    }
}
