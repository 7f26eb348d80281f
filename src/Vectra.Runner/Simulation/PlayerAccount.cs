namespace Vectra.Runner.Simulation;

/// <summary>
/// The simulated player's account as the server keeps it: cash, one long position at an average cost, realised PnL,
/// the total ever invested and the sidebet PnL. Every amount is rounded to 9 decimals (lamports) after each step.
/// </summary>
internal sealed class PlayerAccount(double cash)
{
    public double Cash { get; private set; } = cash;

    public double PositionQty { get; private set; }

    public double AvgCost { get; private set; }

    public double CumulativePnl { get; private set; }

    public double TotalInvested { get; private set; }

    public double SidebetPnl { get; private set; }

    public double BonusBalance { get; }

    /// <summary>Buys for <paramref name="amount"/> SOL at <paramref name="price"/>; returns the quantity bought.</summary>
    public double Buy(double amount, double price)
    {
        var qty = Sol(amount / price);
        var held = PositionQty + qty;
        AvgCost = Sol(((PositionQty * AvgCost) + amount) / held);
        PositionQty = Sol(held);
        Cash = Sol(Cash - amount);
        TotalInvested = Sol(TotalInvested + amount);
        return qty;
    }

    /// <summary>Sells <paramref name="percentage"/> % of the position at <paramref name="price"/>; returns (quantity, proceeds).</summary>
    public (double Qty, double Proceeds) Sell(int percentage, double price)
    {
        var qty = percentage >= 100 ? PositionQty : Sol(PositionQty * percentage / 100.0);
        var proceeds = Sol(qty * price);
        CumulativePnl = Sol(CumulativePnl + proceeds - (qty * AvgCost));
        Cash = Sol(Cash + proceeds);
        PositionQty = Sol(PositionQty - qty);
        if (PositionQty <= 0)
        {
            PositionQty = 0;
            AvgCost = 0;
        }
        return (qty, proceeds);
    }

    /// <summary>Pays a sidebet's stake.</summary>
    public void PlaceSidebet(double amount) => Cash = Sol(Cash - amount);

    /// <summary>Settles a sidebet: a win pays 5× the stake.</summary>
    public void SettleSidebet(double amount, bool won)
    {
        var payout = won ? Sol(amount * 5) : 0;
        Cash = Sol(Cash + payout);
        SidebetPnl = Sol(SidebetPnl + payout - amount);
    }

    /// <summary>The PnL in percent of what was invested, as <c>pnlPercent</c> shows it.</summary>
    public double PnlPercent => TotalInvested > 0 ? CumulativePnl / TotalInvested * 100 : 0;

    public PlayerStateTruth State(string? gameId, long ts) =>
        new(gameId, ts, Cash, PositionQty, AvgCost, CumulativePnl, TotalInvested, SidebetPnl, BonusBalance);

    private static double Sol(double value) => Math.Round(value, 9);
}
