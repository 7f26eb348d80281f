namespace Vectra.Runner.Simulation;

/// <summary>Running per-player positions of one game, fed trade by trade, ranked by PnL for the top-10 <c>leaderboard</c>.</summary>
internal sealed class Leaderboard
{
    private const int Size = 10;
    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);

    public static IReadOnlyList<LeaderboardRow> Empty { get; } = [];

    public void Apply(TradeTruth trade, SimulatedPlayer player)
    {
        if (!_positions.TryGetValue(player.Id, out var position))
        {
            position = new Position(player);
            _positions[player.Id] = position;
        }
        switch (trade.Type)
        {
            case "buy":
                position.Cost += trade.Amount;
                position.Invested += trade.Amount;
                position.Qty += trade.Qty;
                break;
            case "sell":
                position.Proceeds += trade.Amount;
                position.Cost = 0;
                position.Qty = 0;
                break;
            default:
                break;
        }
    }

    public IReadOnlyList<LeaderboardRow> Rank(double price)
    {
        if (_positions.Count == 0)
        {
            return Empty;
        }
        return [.. _positions.Values
            .Select(p => p.Row(price))
            .OrderByDescending(row => row.Pnl)
            .ThenBy(row => row.Player.Id, StringComparer.Ordinal)
            .Take(Size)];
    }

    private sealed class Position(SimulatedPlayer player)
    {
        public double Qty { get; set; }

        public double Cost { get; set; }

        public double Invested { get; set; }

        public double Proceeds { get; set; }

        public LeaderboardRow Row(double price)
        {
            var pnl = Math.Round(Proceeds + (Qty * price) - Invested, 9);
            var percent = Invested > 0 ? pnl / Invested * 100 : 0;
            var avgCost = Qty > 0 ? Math.Round(Cost / Qty, 9) : 0;
            return new LeaderboardRow(player, pnl, percent, Qty, avgCost, Math.Round(Invested, 9));
        }
    }
}
