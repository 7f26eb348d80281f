namespace Vectra.Runner.Serve.Data;

/// <summary>
/// The statements that read one sort and filter of the games list. A game is listed once: from <c>complete_games</c>
/// when it is there, else from <c>games</c>. Games with a value to sort by come first, merged from index-ordered parts
/// (<see cref="SortedPage"/>); games without one follow, by id (<see cref="UnsortedPage"/>). Every part walks one of the
/// rugs projection's list indexes in order and stops after <c>$offset + $limit</c> rows, so a page costs its offset in
/// index entries, never a sort of the whole table; only a complete game without its own value (rare: a history entry
/// without a timestamp, prices or peak) is sorted after a look-up of its live row.
/// </summary>
internal sealed class GamesListQuery
{
    private const string LiveOnly = "NOT EXISTS (SELECT 1 FROM complete_games x WHERE x.game_id = g.game_id)";

    public GamesListQuery(string sort, string direction, string filter)
    {
        var key = GameListSort.ByKey[sort];
        var where = GameListFilter.ByKey[filter];
        var order = direction == "asc" ? "ASC" : "DESC";
        var joinLive = key.FallsBack ? " LEFT JOIN games g ON g.game_id = c.game_id" : "";
        Counts = $"""
            SELECT (SELECT count(*) FROM complete_games c WHERE {where.Complete}),
                   (SELECT count(*) FROM games g WHERE {where.Live} AND {LiveOnly}),
                   (SELECT count(*) FROM complete_games c{joinLive} WHERE {key.CompleteUnsorted} AND {where.Complete}),
                   (SELECT count(*) FROM games g WHERE {key.Live} IS NULL AND {where.Live} AND {LiveOnly})
            """;
        // CROSS JOIN keeps complete_games the outer loop: its few rows without a value, not every live row, are looked up.
        var fallback = key.FallsBack
            ? $"""
              UNION ALL
              SELECT c.game_id, {key.Live} FROM complete_games c CROSS JOIN games g ON g.game_id = c.game_id
              WHERE {key.Complete} IS NULL AND {key.Live} IS NOT NULL AND {where.CompleteInOrder}
              """
            : "";
        SortedPage = $"""
            SELECT c.game_id AS game_id, {key.Complete} AS sort_value FROM complete_games c WHERE {key.Complete} IS NOT NULL AND {where.CompleteInOrder}
            {fallback}
            UNION ALL
            SELECT g.game_id, {key.Live} FROM games g WHERE {key.Live} IS NOT NULL AND {where.Live} AND {LiveOnly}
            ORDER BY sort_value {order}, game_id {order} LIMIT $limit OFFSET $offset
            """;
        UnsortedPage = $"""
            SELECT c.game_id AS game_id FROM complete_games c{joinLive} WHERE {key.CompleteUnsorted} AND {where.CompleteInOrder}
            UNION ALL
            SELECT g.game_id FROM games g WHERE {key.Live} IS NULL AND {where.Live} AND {LiveOnly}
            ORDER BY game_id {order} LIMIT $limit OFFSET $offset
            """;
    }

    /// <summary>
    /// The rows of the games in the JSON array <c>$ids</c>, as the list shows them: game, time, rug tick, peak,
    /// completeness, fairness, phase, and 1 when the game is complete.
    /// </summary>
    public static string Rows { get; } = RowsOf([.. new[] { "time", "rug", "peak", "completeness", "fairness" }.Select(key => GameListSort.ByKey[key])]);

    /// <summary>One row: complete games matching the filter, live-only ones matching it, complete ones without a sort value, live-only ones without one.</summary>
    public string Counts { get; }

    /// <summary>Ids of games with a sort value, in list order, from <c>$offset</c>, at most <c>$limit</c>.</summary>
    public string SortedPage { get; }

    /// <summary>Ids of games without a sort value, by id in the list's direction, from <c>$offset</c>, at most <c>$limit</c>.</summary>
    public string UnsortedPage { get; }

    private static string RowsOf(IEnumerable<GameListSort> shown) => $"""
        SELECT c.game_id, {string.Join(", ", shown.Select(s => s.CompleteShown))}, g.phase, 1
        FROM complete_games c LEFT JOIN games g ON g.game_id = c.game_id
        WHERE c.game_id IN (SELECT value FROM json_each($ids))
        UNION ALL
        SELECT g.game_id, {string.Join(", ", shown.Select(s => s.Live))}, g.phase, 0
        FROM games g
        WHERE g.game_id IN (SELECT value FROM json_each($ids)) AND {LiveOnly}
        """;
}
