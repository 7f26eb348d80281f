using Vectra.Projections.Runtime;

namespace Vectra.Projections.Player;

/// <summary>
/// The <c>rugpool</c> tables: per game the pool as the last <c>gameStatePlayerUpdate</c> of the game showed it
/// (<c>rugpool</c>), and each listed player's entries in it (<c>rugpool_entries</c>); "last" is the highest meta_seq.
/// </summary>
internal static class RugpoolTables
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS rugpool (
            game_id                TEXT    PRIMARY KEY,
            player_id              TEXT,
            instarug_count         INTEGER,
            rugpool_amount         REAL,
            total_entries          INTEGER,
            threshold              INTEGER,
            players_with_entries   INTEGER,
            sol_per_entry          REAL,
            max_entries_per_player INTEGER,
            meta_seq               INTEGER NOT NULL,
            meta_ts                INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS rugpool_entries (
            game_id    TEXT    NOT NULL,
            player_id  TEXT    NOT NULL,
            username   TEXT,
            entries    INTEGER,
            percentage REAL,
            meta_seq   INTEGER NOT NULL,
            meta_ts    INTEGER NOT NULL,
            PRIMARY KEY (game_id, player_id)
        );
        """;

    public const string Drop = "DROP TABLE IF EXISTS rugpool; DROP TABLE IF EXISTS rugpool_entries;";

    /// <summary>
    /// Stores the pool of <paramref name="gameId"/> unless a record of a higher meta_seq already did; returns whether it
    /// did, so the entries are replaced by this record's list.
    /// </summary>
    public static bool Pool(ViewsTransaction views, string gameId, string? playerId, RugpoolFields pool, long seq, long ts)
    {
        if (views.Scalar("SELECT meta_seq FROM rugpool WHERE game_id = $g", ("$g", gameId)) is long stored && stored >= seq)
        {
            return false;
        }
        views.Execute(
            """
            INSERT OR REPLACE INTO rugpool (game_id, player_id, instarug_count, rugpool_amount, total_entries, threshold, players_with_entries,
                sol_per_entry, max_entries_per_player, meta_seq, meta_ts)
            VALUES ($g, $p, $instarugs, $amount, $total, $threshold, $players, $sol, $max, $seq, $ts)
            """,
            ("$g", gameId), ("$p", playerId), ("$instarugs", pool.InstarugCount), ("$amount", pool.Amount), ("$total", pool.TotalEntries),
            ("$threshold", pool.Threshold), ("$players", pool.PlayersWithEntries), ("$sol", pool.SolPerEntry), ("$max", pool.MaxEntriesPerPlayer),
            ("$seq", seq), ("$ts", ts));
        views.Execute("DELETE FROM rugpool_entries WHERE game_id = $g", ("$g", gameId));
        return true;
    }

    public static void Entry(ViewsTransaction views, string gameId, string playerId, string? username, long? entries, double? percentage, long seq, long ts) =>
        views.Execute(
            "INSERT OR REPLACE INTO rugpool_entries (game_id, player_id, username, entries, percentage, meta_seq, meta_ts) VALUES ($g, $p, $u, $e, $pct, $seq, $ts)",
            ("$g", gameId), ("$p", playerId), ("$u", username), ("$e", entries), ("$pct", percentage), ("$seq", seq), ("$ts", ts));
}
