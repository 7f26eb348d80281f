using Vectra.Projections.Runtime;

namespace Vectra.Projections.Rugs.History;

/// <summary>The <c>complete_games</c> and <c>sidebets</c> tables.</summary>
internal static class CompleteGamesTables
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS complete_games (
            game_id          TEXT PRIMARY KEY,
            ended_at         INTEGER,
            game_version     TEXT,
            peak_multiplier  REAL,
            rug_tick         INTEGER,
            prices           TEXT,
            prices_source    TEXT NOT NULL,
            server_seed      TEXT,
            server_seed_hash TEXT,
            fairness         TEXT NOT NULL,
            fairness_reason  TEXT NOT NULL,
            sidebet_count    INTEGER NOT NULL,
            ticks_observed   INTEGER NOT NULL DEFAULT 0,
            completeness     REAL NOT NULL DEFAULT 0,
            live_mismatches  INTEGER NOT NULL DEFAULT 0,
            richness         INTEGER NOT NULL,
            first_seq        INTEGER NOT NULL,
            meta_ts          INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sidebets (
            game_id    TEXT    NOT NULL,
            player_id  TEXT    NOT NULL,
            username   TEXT,
            bet_amount REAL    NOT NULL,
            start_tick INTEGER NOT NULL,
            end_tick   INTEGER NOT NULL,
            x_payout   REAL    NOT NULL,
            won        INTEGER,
            payout     REAL,
            profit     REAL,
            PRIMARY KEY (game_id, player_id, start_tick)
        );
        """;

    public const string Drop = "DROP TABLE IF EXISTS complete_games; DROP TABLE IF EXISTS sidebets;";

    public static Dictionary<string, int> LoadRichness(ViewsTransaction views)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        views.Query("SELECT game_id, richness FROM complete_games", r => known[r.GetString(0)] = r.GetInt32(1));
        return known;
    }

    public static void Save(ViewsTransaction views, CompleteGameRow game, long seq, long ts)
    {
        views.Execute("""
            INSERT OR REPLACE INTO complete_games (game_id, ended_at, game_version, peak_multiplier, rug_tick, prices, prices_source, server_seed,
                server_seed_hash, fairness, fairness_reason, sidebet_count, richness, first_seq, meta_ts)
            VALUES ($g, $ended, $version, $peak, $rug, $prices, $source, $seed, $hash, $fair, $reason, $bets, $rich, $s, $ts)
            """,
            ("$g", game.GameId), ("$ended", game.EndedAt), ("$version", game.GameVersion), ("$peak", game.PeakMultiplier), ("$rug", game.RugTick),
            ("$prices", game.PricesJson), ("$source", game.PricesSource), ("$seed", game.ServerSeed), ("$hash", game.ServerSeedHash),
            ("$fair", game.Fairness), ("$reason", game.FairnessReason), ("$bets", game.SidebetCount), ("$rich", game.Richness), ("$s", seq), ("$ts", ts));
        views.Execute("DELETE FROM sidebets WHERE game_id = $g", ("$g", game.GameId));
        foreach (var bet in game.Sidebets)
        {
            views.Execute("""
                INSERT INTO sidebets (game_id, player_id, username, bet_amount, start_tick, end_tick, x_payout, won, payout, profit)
                VALUES ($g, $p, $u, $bet, $start, $end, $x, $won, $payout, $profit)
                """,
                ("$g", game.GameId), ("$p", bet.PlayerId), ("$u", bet.Username), ("$bet", bet.BetAmount), ("$start", bet.StartTick),
                ("$end", bet.EndTick), ("$x", bet.XPayout), ("$won", bet.Won is null ? null : bet.Won.Value ? 1 : 0), ("$payout", bet.Payout), ("$profit", bet.Profit));
        }
    }

    /// <summary>Recomputes what the live capture saw of a completed game: ticks observed, completeness, price mismatches.</summary>
    public static void UpdateLiveComparison(ViewsTransaction views, string gameId)
    {
        if (LiveComparison(views, gameId) is not { } live)
        {
            return;
        }
        views.Execute(
            "UPDATE complete_games SET ticks_observed = $o, completeness = $c, live_mismatches = $m WHERE game_id = $g",
            ("$g", gameId), ("$o", live.Observed), ("$c", live.Completeness), ("$m", live.Mismatches));
    }

    /// <summary>What the live capture saw of a completed game, from the ticks table as it is now; null when the rug tick is unknown or negative.</summary>
    public static (long Observed, double Completeness, long Mismatches)? LiveComparison(ViewsTransaction views, string gameId)
    {
        double[] prices = [];
        int? rugTick = null;
        views.QueryRows("SELECT prices, rug_tick FROM complete_games WHERE game_id = $g", r =>
        {
            rugTick = r.IsNull(1) ? null : (int)r.Int64At(1);
            // Read only when there is something to compare it with.
            prices = rugTick is >= 0 && !r.IsNull(0) ? PriceArray.Parse(r.BlobAt(0)) : [];
        }, ("$g", gameId));
        if (rugTick is not >= 0)
        {
            // Unknown: nothing to compare, and no completeness to divide out.
            return null;
        }
        long observed = 0, mismatches = 0;
        views.QueryRows("SELECT tick, price FROM ticks WHERE game_id = $g AND backfilled = 0 AND tick <= $rug", r =>
        {
            observed++;
            var tick = (int)r.Int64At(0);
            if (tick < prices.Length && prices[tick].CompareTo(r.DoubleAt(1)) != 0)
            {
                mismatches++;
            }
        }, ("$g", gameId), ("$rug", rugTick));
        return (observed, observed / (rugTick.Value + 1.0), mismatches);
    }
}
