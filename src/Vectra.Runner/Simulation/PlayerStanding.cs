namespace Vectra.Runner.Simulation;

/// <summary>The player's line in a game's leaderboard (<c>leaderboardEntry</c> of <c>gameStatePlayerUpdate</c>).</summary>
internal sealed record PlayerStanding(string PlayerId, string Username, int Level, double Pnl, double PositionQty, double AvgCost, double TotalInvested, int Position);
