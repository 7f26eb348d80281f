using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Rugs;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Player;

/// <summary>
/// A <c>simulate --player</c> session journaled and projected: <c>player_state</c>, <c>player_actions</c> and
/// <c>rugpool</c> equal the simulator's ground truth of the player, with nothing quarantined.
/// </summary>
public sealed class SimulatedPlayerTruthTests
{
    private static readonly SimulationOptions Options = SimulatedPlayer.Options(40, 17);

    private static readonly Lazy<(string Data, PlayerTruth Truth, TempFolder Folder)> Projected = new(() =>
    {
        var folder = new TempFolder();
        ProjectionHarness.JournalAndProjectAsync(folder.Path, SimulatedPlayer.Records(Options)).GetAwaiter().GetResult();
        return (folder.Path, SimulatedPlayer.Truth(Options), folder);
    });

    [Fact]
    public void The_session_exercises_every_kind_of_action()
    {
        var actions = Projected.Value.Truth.Actions;
        Assert.Contains(actions, a => a.Action == "buyOrder" && a.Accepted);
        Assert.Contains(actions, a => a.Action == "sellOrder" && a.Accepted);
        Assert.Contains(actions, a => a.Action == "requestSidebet" && a.Accepted);
        Assert.Contains(actions, a => a.Reason == "insufficient cash");
        Assert.Contains(actions, a => a.Reason == "no position to sell");
        Assert.Contains(actions, a => a.Reason == "game not active");
        Assert.Contains(actions, a => a.Accepted && a.TickFilled != a.TickRequested);
        Assert.Empty(ProjectionStates.Quarantined(Projected.Value.Data));
    }

    [Fact]
    public void Player_state_equals_the_account_after_every_fill_and_settlement()
    {
        var (data, truth, _) = Projected.Value;
        var rows = ProjectionHarness.Query(data,
            "SELECT meta_ts, cash, position_qty, avg_cost, cumulative_pnl, total_invested, sidebet_pnl, bonus_balance FROM player_state WHERE player_id = '" + SimulatedPlayer.Id + "' ORDER BY meta_seq",
            r => (Ts: r.GetInt64(0), Cash: r.GetDouble(1), Qty: r.GetDouble(2), Avg: r.GetDouble(3), Pnl: r.GetDouble(4), Invested: r.GetDouble(5), Sidebet: r.GetDouble(6), Bonus: r.GetDouble(7)));
        var expected = truth.States.Select(s => (s.Ts, s.Cash, s.PositionQty, s.AvgCost, s.CumulativePnl, s.TotalInvested, s.SidebetPnl, s.BonusBalance)).ToList();
        Assert.True(expected.Count > 20, $"only {expected.Count} states");
        Assert.Equal(expected, rows);

        var latest = ProjectionHarness.Query(data, "SELECT meta_ts, cash, position_qty, cumulative_pnl FROM player_latest",
            r => (r.GetInt64(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)));
        var last = truth.States[^1];
        Assert.Equal([(last.Ts, last.Cash, last.PositionQty, last.CumulativePnl)], latest);
    }

    [Fact]
    public void Every_action_is_matched_with_its_answer_and_fill()
    {
        var (data, truth, _) = Projected.Value;
        var rows = ProjectionHarness.Query(data,
            """
            SELECT ack_id, action, amount, percentage, game_id, tick_requested, price_requested, accepted, reason, trade_id, tick_filled, price_filled, qty,
                latency_ms, answer_event, player_id
            FROM player_actions ORDER BY sent_seq
            """,
            r => (AckId: r.GetInt32(0), Action: r.GetString(1), Amount: r.NullableDouble(2), Percentage: r.NullableDouble(3), Game: r.GetString(4),
                TickRequested: r.GetInt32(5), PriceRequested: r.GetDouble(6), Accepted: r.GetInt64(7) == 1, Reason: r.NullableString(8),
                TradeId: r.NullableString(9), TickFilled: (int?)r.NullableLong(10), PriceFilled: r.NullableDouble(11), Qty: r.NullableDouble(12),
                LatencyMs: r.GetDouble(13), Answer: r.GetString(14), Player: r.GetString(15)));
        var expected = truth.Actions.Select(a => (a.AckId, a.Action, a.Amount, (double?)a.Percentage, a.GameId, a.TickRequested, a.PriceRequested, a.Accepted,
            a.Reason, a.TradeId, a.TickFilled, a.PriceFilled, a.Qty, (a.AckTs - a.SentTs) / 1000.0, "$cdp.ack", SimulatedPlayer.Id)).ToList();
        Assert.True(expected.Count > 20, $"only {expected.Count} actions");
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Rugpool_holds_the_players_entries_of_every_game()
    {
        var (data, truth, _) = Projected.Value;
        var rows = ProjectionHarness.Query(data, "SELECT game_id, entries, percentage FROM rugpool_entries WHERE player_id = '" + SimulatedPlayer.Id + "'",
            r => (r.GetString(0), r.GetInt32(1), r.GetDouble(2))).ToDictionary(r => r.Item1);
        var games = ProjectionHarness.Query(data, "SELECT game_id, player_id FROM rugpool", r => (r.GetString(0), r.NullableString(1)));
        Assert.Equal(truth.Rugpool.Select(r => r.GameId).Order(), games.Select(g => g.Item1).Order());
        Assert.Contains(truth.Rugpool, r => r.Entries > 0);
        foreach (var expected in truth.Rugpool)
        {
            var (entries, percentage) = rows.TryGetValue(expected.GameId, out var row) ? (row.Item2, row.Item3) : (0, 0.0);
            Assert.Equal((expected.GameId, expected.Entries, expected.Percentage), (expected.GameId, entries, percentage));
        }
    }
}
