using Vectra.Projections.Rugs.Fairness;
using Vectra.Runner.Serve.Data;

namespace Vectra.Runner.Serve.Pages;

/// <summary>
/// The price path a complete game should have had: regenerated from its revealed seed when there is one
/// (the provably-fair engine), else the published <c>gameHistory</c> prices; null when neither exists.
/// </summary>
internal sealed record SeedPath(IReadOnlyList<double> Prices, string Source)
{
    public static SeedPath? Of(string gameId, CompleteGameRow? complete)
    {
        if (complete is null)
        {
            return null;
        }
        if (complete.Seed is { Length: > 0 } seed && GameVersions.TryParse(complete.Version ?? "v3", out var version))
        {
            return new SeedPath(FairGame.Generate(seed, gameId, version.Value).Prices, "regenerated from the seed");
        }
        return complete.Prices is { Count: > 0 } prices ? new SeedPath(prices, $"published ({complete.PricesSource})") : null;
    }

    /// <summary>The first observed tick whose price differs from this path, or null when every shared tick agrees.</summary>
    public int? FirstDifference(IReadOnlyList<TickRow> observed)
    {
        foreach (var tick in observed)
        {
            if (tick.Tick < Prices.Count && Prices[tick.Tick].CompareTo(tick.Price) != 0)
            {
                return tick.Tick;
            }
        }
        return null;
    }
}
