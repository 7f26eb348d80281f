using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vectra.Runner.Serve.Data;

/// <summary>Reads one game's rows from views.db; an id that is not an id is a 400, an unknown one a 404.</summary>
internal static partial class GameDetails
{
    public static GameDetail Read(ViewsConnection views, string gameId)
    {
        if (!GameIdShape().IsMatch(gameId))
        {
            throw PageException.BadRequest("that is not a game id: ids are letters, digits and '-', like 20251207-e8186dbf38e046d1.");
        }
        LiveGameRow? live = null;
        views.Query(
            "SELECT started_at, rugged_at, rug_tick, peak_observed, ticks_observed, ticks_backfilled, ticks_missing, phase, server_seed_hash FROM games WHERE game_id = $g",
            r => live = new LiveGameRow(r.Int64(0), r.Int64(1), r.Int32(2), r.Double(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetString(7), r.Text(8)),
            ("$g", gameId));
        CompleteGameRow? complete = null;
        views.Query(
            """
            SELECT ended_at, game_version, peak_multiplier, rug_tick, prices, prices_source, server_seed, server_seed_hash,
                   fairness, fairness_reason, completeness, live_mismatches
            FROM complete_games WHERE game_id = $g
            """,
            r => complete = new CompleteGameRow(
                r.Int64(0), r.Text(1), r.Double(2), r.Int32(3), r.Text(4) is { } json ? JsonSerializer.Deserialize<double[]>(json) : null, r.GetString(5),
                r.Text(6), r.Text(7), r.GetString(8), r.GetString(9), r.GetDouble(10), r.GetInt64(11)),
            ("$g", gameId));
        if (live is null && complete is null)
        {
            throw PageException.NotFound($"no game {gameId} in views.db.");
        }
        var ticks = new List<TickRow>();
        views.Query("SELECT tick, price, backfilled FROM ticks WHERE game_id = $g ORDER BY tick",
            r => ticks.Add(new TickRow(r.GetInt32(0), r.GetDouble(1), r.GetInt64(2) != 0)), ("$g", gameId));
        var trades = new List<TradeMark>();
        views.Query("SELECT type, tick, price, forced, username, amount FROM trades WHERE game_id = $g ORDER BY tick, meta_seq",
            r => trades.Add(new TradeMark(r.Text(0), r.Int32(1), r.Double(2), r.GetInt64(3) != 0, r.Text(4), r.Double(5))), ("$g", gameId));
        var sidebets = new List<SidebetWindow>();
        views.Query("SELECT username, start_tick, end_tick, bet_amount, x_payout, won FROM sidebets WHERE game_id = $g ORDER BY start_tick, player_id",
            r => sidebets.Add(new SidebetWindow(r.Text(0), r.GetInt32(1), r.GetInt32(2), r.GetDouble(3), r.GetDouble(4), r.Int64(5) is { } won ? won != 0 : null)),
            ("$g", gameId));
        return new GameDetail(gameId, live, complete, ticks, trades, sidebets);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex GameIdShape();
}
