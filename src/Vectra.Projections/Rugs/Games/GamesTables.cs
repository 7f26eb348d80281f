using Vectra.Projections.Rugs.Phases;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Rugs.Games;

/// <summary>The <c>games</c> and <c>ticks</c> tables: their schema and the statements that touch them (ticks are written by <see cref="PendingTicks"/>).</summary>
internal static class GamesTables
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS games (
            game_id          TEXT PRIMARY KEY,
            first_seq        INTEGER NOT NULL,
            last_seq         INTEGER NOT NULL,
            cooldown_at      INTEGER,
            presale_at       INTEGER,
            started_at       INTEGER,
            rugged_at        INTEGER,
            rug_tick         INTEGER,
            final_price      REAL,
            peak_observed    REAL,
            ticks_observed   INTEGER NOT NULL,
            ticks_backfilled INTEGER NOT NULL,
            ticks_missing    INTEGER NOT NULL,
            server_seed_hash TEXT,
            phase            TEXT NOT NULL,
            tick             INTEGER,
            price            REAL
        );
        CREATE TABLE IF NOT EXISTS ticks (
            game_id    TEXT    NOT NULL,
            tick       INTEGER NOT NULL,
            price      REAL    NOT NULL,
            meta_seq   INTEGER NOT NULL,
            meta_ts    INTEGER NOT NULL,
            backfilled INTEGER NOT NULL,
            PRIMARY KEY (game_id, tick)
        ) WITHOUT ROWID;
        """;

    public const string Drop = "DROP TABLE IF EXISTS games; DROP TABLE IF EXISTS ticks;";

    public static void LoadTicks(ViewsTransaction views, string gameId, TickLedger ledger) =>
        views.QueryRows("SELECT tick, backfilled FROM ticks WHERE game_id = $g", r => ledger.Load((int)r.Int64At(0), r.Int64At(1) != 0), ("$g", gameId));

    public static GameRow? LoadGame(ViewsTransaction views, string gameId)
    {
        GameRow? row = null;
        views.QueryRows(
            "SELECT first_seq, last_seq, cooldown_at, presale_at, started_at, rugged_at, rug_tick, final_price, server_seed_hash, phase FROM games WHERE game_id = $g",
            r => row = new GameRow(gameId)
            {
                FirstSeq = r.Int64At(0),
                LastSeq = r.Int64At(1),
                CooldownAt = r.IsNull(2) ? null : r.Int64At(2),
                PresaleAt = r.IsNull(3) ? null : r.Int64At(3),
                StartedAt = r.IsNull(4) ? null : r.Int64At(4),
                RuggedAt = r.IsNull(5) ? null : r.Int64At(5),
                RugTick = r.IsNull(6) ? null : (int)r.Int64At(6),
                FinalPrice = r.IsNull(7) ? null : r.DoubleAt(7),
                ServerSeedHash = r.TextAt(8),
                Phase = PhaseOf(r.TextAt(9)),
            },
            ("$g", gameId));
        return row;
    }

    private static GamePhase PhaseOf(string? text) => Enum.GetValues<GamePhase>().First(p => p.ToText() == text);

    /// <summary>Writes the row with the tick statistics derived from the ticks table.</summary>
    public static void SaveGame(ViewsTransaction views, GameRow game)
    {
        long stored = 0, backfilled = 0;
        double? peak = null;
        int? lastTick = null;
        double? lastPrice = null;
        views.QueryRows(
            "SELECT count(*), coalesce(sum(backfilled), 0), max(price) FROM ticks WHERE game_id = $g",
            r => (stored, backfilled, peak) = (r.Int64At(0), r.Int64At(1), r.IsNull(2) ? null : r.DoubleAt(2)),
            ("$g", game.GameId));
        views.QueryRows(
            "SELECT tick, price FROM ticks WHERE game_id = $g ORDER BY tick DESC LIMIT 1",
            r => (lastTick, lastPrice) = ((int)r.Int64At(0), r.DoubleAt(1)),
            ("$g", game.GameId));
        var expected = (game.RugTick ?? lastTick ?? -1) + 1L;
        views.Execute("""
            INSERT OR REPLACE INTO games (game_id, first_seq, last_seq, cooldown_at, presale_at, started_at, rugged_at, rug_tick, final_price,
                peak_observed, ticks_observed, ticks_backfilled, ticks_missing, server_seed_hash, phase, tick, price)
            VALUES ($g, $first, $last, $cooldown, $presale, $started, $rugged, $rug, $final, $peak, $observed, $backfilled, $missing, $hash, $phase, $tick, $price)
            """,
            ("$g", game.GameId), ("$first", game.FirstSeq), ("$last", game.LastSeq), ("$cooldown", game.CooldownAt), ("$presale", game.PresaleAt),
            ("$started", game.StartedAt), ("$rugged", game.RuggedAt), ("$rug", game.RugTick), ("$final", game.FinalPrice), ("$peak", peak),
            ("$observed", stored - backfilled), ("$backfilled", backfilled), ("$missing", Math.Max(0, expected - stored)),
            ("$hash", game.ServerSeedHash), ("$phase", game.Phase.ToText()), ("$tick", lastTick), ("$price", lastPrice));
    }
}
