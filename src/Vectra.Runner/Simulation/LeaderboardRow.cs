namespace Vectra.Runner.Simulation;

/// <summary>One player's standing in the current game, as the feed's <c>leaderboard</c> entry shows it.</summary>
internal sealed record LeaderboardRow(SimulatedPlayer Player, double Pnl, double PnlPercent, double PositionQty, double AvgCost, double TotalInvested);
