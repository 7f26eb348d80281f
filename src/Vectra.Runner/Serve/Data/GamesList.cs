namespace Vectra.Runner.Serve.Data;

/// <summary>
/// Every game views.db knows, complete (<c>complete_games</c>, with the live <c>games</c> row when there is one)
/// or seen live only, as one sorted, filtered, paged list.
/// </summary>
internal static class GamesList
{
    private const string AllGames = """
        WITH all_games AS (
            SELECT c.game_id AS game_id,
                   coalesce(c.ended_at, g.rugged_at, g.started_at, g.cooldown_at) AS at,
                   coalesce(c.rug_tick, g.rug_tick) AS rug_tick,
                   coalesce(c.peak_multiplier, g.peak_observed) AS peak,
                   c.completeness AS completeness,
                   c.fairness AS fairness,
                   g.phase AS phase,
                   1 AS complete
            FROM complete_games c LEFT JOIN games g ON g.game_id = c.game_id
            UNION ALL
            SELECT g.game_id, coalesce(g.rugged_at, g.started_at, g.cooldown_at), g.rug_tick, g.peak_observed,
                   CASE WHEN g.rug_tick IS NULL THEN NULL ELSE g.ticks_observed * 1.0 / (g.rug_tick + 1) END,
                   NULL, g.phase, 0
            FROM games g WHERE NOT EXISTS (SELECT 1 FROM complete_games c WHERE c.game_id = g.game_id)
        )
        """;

    /// <summary>The rows of <paramref name="request"/>'s page and how many rows match its filter in all.</summary>
    public static (IReadOnlyList<GameListRow> Rows, long Total) Read(ViewsConnection views, GamesListRequest request)
    {
        var where = GamesListRequest.Filters[request.Filter];
        var total = (long)views.Scalar($"{AllGames} SELECT count(*) FROM all_games WHERE {where}")!;
        var column = GamesListRequest.SortColumns[request.Sort];
        var direction = request.Direction == "asc" ? "ASC" : "DESC";
        var rows = new List<GameListRow>(GamesListRequest.PageSize);
        views.Query(
            $"{AllGames} SELECT game_id, at, rug_tick, peak, completeness, fairness, phase, complete FROM all_games WHERE {where} " +
            $"ORDER BY {column} IS NULL, {column} {direction}, game_id {direction} LIMIT $limit OFFSET $offset",
            r => rows.Add(new GameListRow(r.GetString(0), r.Int64(1), r.Int32(2), r.Double(3), r.Double(4), r.Text(5), r.Text(6), r.GetInt64(7) == 1)),
            ("$limit", GamesListRequest.PageSize), ("$offset", (long)(request.Page - 1) * GamesListRequest.PageSize));
        return (rows, total);
    }
}
