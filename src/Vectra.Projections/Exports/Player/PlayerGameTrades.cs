namespace Vectra.Projections.Exports.Player;

/// <summary>
/// One player's trades in one game, folded in meta_seq order at average cost: a sell realises its proceeds minus the
/// average cost of the quantity sold (a forced sell at the rug included), as the server's <c>cumulativePnL</c> does.
/// </summary>
internal sealed class PlayerGameTrades(string session, string playerId, string gameId, long firstAt)
{
    private double _cost;

    public string Session { get; } = session;

    public string PlayerId { get; } = playerId;

    public string GameId { get; } = gameId;

    public long FirstAt { get; } = firstAt;

    public int Buys { get; private set; }

    public int Sells { get; private set; }

    public double SolIn { get; private set; }

    public double SolOut { get; private set; }

    public double OpenQty { get; private set; }

    public double RealisedPnl { get; private set; }

    public void Add(string? type, double amount, double qty)
    {
        switch (type)
        {
            case "buy":
                Buys++;
                SolIn += amount;
                _cost += amount;
                OpenQty += qty;
                break;
            case "sell":
                Sells++;
                SolOut += amount;
                var basis = OpenQty > 0 ? _cost * Math.Min(1, qty / OpenQty) : 0;
                RealisedPnl += amount - basis;
                _cost -= basis;
                OpenQty = Math.Max(0, OpenQty - qty);
                break;
        }
    }
}
