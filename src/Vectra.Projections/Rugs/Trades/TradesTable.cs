using Vectra.Projections.Runtime;

namespace Vectra.Projections.Rugs.Trades;

/// <summary>
/// The <c>trades</c> table (rows written by <see cref="PendingTrades"/>): one row per trade id. Records are applied in seq order, so the first copy
/// is the one with the lowest seq, and later copies (identical) are ignored.
/// </summary>
/// <remarks>
/// Rows are stored in arrival order and the (random) trade ids only in their unique index: keyed by id,
/// every insert landed on a random page of the whole table, and inserts slowed as the table grew.
/// </remarks>
internal static class TradesTable
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS trades (
            id        TEXT NOT NULL,
            game_id   TEXT,
            player_id TEXT,
            username  TEXT,
            type      TEXT,
            amount    REAL,
            price     REAL,
            qty       REAL,
            tick      INTEGER,
            leverage  INTEGER,
            forced    INTEGER NOT NULL,
            meta_seq  INTEGER NOT NULL,
            meta_ts   INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS trades_id ON trades (id);
        CREATE INDEX IF NOT EXISTS trades_game ON trades (game_id, tick);
        """;

    public const string Drop = "DROP TABLE IF EXISTS trades;";

    private static readonly string MarkForcedSql = $"UPDATE trades SET forced = {ForcedSell.Sql("type", "tick", "$rug")} WHERE game_id = $g";

    /// <summary>Once a game's rug tick is known, marks its sells at or after it as forced (whatever arrived first).</summary>
    public static void MarkForced(ViewsTransaction views, string gameId, int rugTick) =>
        views.Execute(MarkForcedSql, ("$g", gameId), ("$rug", rugTick));
}
