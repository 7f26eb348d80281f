using Vectra.Projections.Runtime;

namespace Vectra.Projections.Player;

/// <summary>The <c>player_state</c> tables: one row per <c>playerUpdate</c>, and the latest state per player.</summary>
internal static class PlayerStateTables
{
    public const string Columns = "player_id, cash, position_qty, avg_cost, cumulative_pnl, total_invested, sidebet_pnl, bonus_balance, pnl_percent";

    public const string Create = $"""
        CREATE TABLE IF NOT EXISTS player_state (
            meta_seq       INTEGER PRIMARY KEY,
            meta_ts        INTEGER NOT NULL,
            session        TEXT    NOT NULL,
            player_id      TEXT    NOT NULL,
            cash           REAL,
            position_qty   REAL,
            avg_cost       REAL,
            cumulative_pnl REAL,
            total_invested REAL,
            sidebet_pnl    REAL,
            bonus_balance  REAL,
            pnl_percent    REAL
        );
        CREATE INDEX IF NOT EXISTS player_state_by_player ON player_state (player_id, meta_seq);
        CREATE TABLE IF NOT EXISTS player_latest (
            player_id      TEXT    PRIMARY KEY,
            meta_seq       INTEGER NOT NULL,
            meta_ts        INTEGER NOT NULL,
            cash           REAL,
            position_qty   REAL,
            avg_cost       REAL,
            cumulative_pnl REAL,
            total_invested REAL,
            sidebet_pnl    REAL,
            bonus_balance  REAL,
            pnl_percent    REAL
        );
        """;

    public const string Drop = "DROP TABLE IF EXISTS player_state; DROP TABLE IF EXISTS player_latest;";

    public static void Insert(ViewsTransaction views, long seq, long ts, Guid session, PlayerStateRow row)
    {
        views.Execute(
            $"INSERT OR IGNORE INTO player_state (meta_seq, meta_ts, session, {Columns}) VALUES ($seq, $ts, $s, $p, $cash, $qty, $avg, $pnl, $inv, $side, $bonus, $pct)",
            ("$seq", seq), ("$ts", ts), ("$s", session.ToString()), ("$p", row.PlayerId), ("$cash", row.Cash), ("$qty", row.PositionQty), ("$avg", row.AvgCost),
            ("$pnl", row.CumulativePnl), ("$inv", row.TotalInvested), ("$side", row.SidebetPnl), ("$bonus", row.BonusBalance), ("$pct", row.PnlPercent));
        // The latest state is the one of the highest meta_seq, whatever order the records are applied in.
        views.Execute(
            $"""
            INSERT INTO player_latest (meta_seq, meta_ts, {Columns}) VALUES ($seq, $ts, $p, $cash, $qty, $avg, $pnl, $inv, $side, $bonus, $pct)
            ON CONFLICT (player_id) DO UPDATE SET meta_seq = excluded.meta_seq, meta_ts = excluded.meta_ts, cash = excluded.cash,
                position_qty = excluded.position_qty, avg_cost = excluded.avg_cost, cumulative_pnl = excluded.cumulative_pnl,
                total_invested = excluded.total_invested, sidebet_pnl = excluded.sidebet_pnl, bonus_balance = excluded.bonus_balance,
                pnl_percent = excluded.pnl_percent
            WHERE excluded.meta_seq > player_latest.meta_seq
            """,
            ("$seq", seq), ("$ts", ts), ("$p", row.PlayerId), ("$cash", row.Cash), ("$qty", row.PositionQty), ("$avg", row.AvgCost),
            ("$pnl", row.CumulativePnl), ("$inv", row.TotalInvested), ("$side", row.SidebetPnl), ("$bonus", row.BonusBalance), ("$pct", row.PnlPercent));
    }
}
