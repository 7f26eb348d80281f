namespace Vectra.Projections.Rugs.Fairness;

/// <summary>
/// A regenerated game: <see cref="Prices"/> holds ticks 0..RugTick-1 (tick 0 is 1.0), <see cref="RugTick"/> equals
/// their count, and <see cref="Peak"/> is the highest price (1.0 when never above 1).
/// </summary>
public sealed record GameOutcome(IReadOnlyList<double> Prices, int RugTick, double Peak);
