namespace Vectra.Runner.Simulation;

/// <summary>The player's account as one <c>playerUpdate</c> states it, after a fill, a sidebet or a settlement.</summary>
public sealed record PlayerStateTruth(
    string? GameId,
    long Ts,
    double Cash,
    double PositionQty,
    double AvgCost,
    double CumulativePnl,
    double TotalInvested,
    double SidebetPnl,
    double BonusBalance);
