using System.Text.Json;

namespace Vectra.Runner.Serve.Data;

/// <summary>
/// Every game views.db knows, complete (<c>complete_games</c>, with the live <c>games</c> row when there is one)
/// or seen live only, as one sorted, filtered, paged list. Games without a value for the sort come last, by id.
/// </summary>
internal static class GamesList
{
    /// <summary>The rows of <paramref name="request"/>'s page and how many rows match its filter in all.</summary>
    public static (IReadOnlyList<GameListRow> Rows, long Total) Read(ViewsConnection views, GamesListRequest request)
    {
        var query = new GamesListQuery(request.Sort, request.Direction, request.Filter);
        using var snapshot = views.Snapshot();
        long complete = 0, live = 0, unsorted = 0;
        views.Query(query.Counts, r => (complete, live, unsorted) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2) + r.GetInt64(3)));
        var total = complete + live;
        var sorted = total - unsorted;
        var offset = (long)(request.Page - 1) * GamesListRequest.PageSize;
        var ids = new List<string>(GamesListRequest.PageSize);
        if (offset < sorted)
        {
            ReadIds(views, query.SortedPage, offset, GamesListRequest.PageSize, ids);
        }
        if (ids.Count < GamesListRequest.PageSize)
        {
            ReadIds(views, query.UnsortedPage, Math.Max(0, offset - sorted), GamesListRequest.PageSize - ids.Count, ids);
        }
        return (RowsOf(views, ids), total);
    }

    private static void ReadIds(ViewsConnection views, string sql, long offset, int limit, List<string> ids) =>
        views.Query(sql, r => ids.Add(r.GetString(0)), ("$limit", limit), ("$offset", offset));

    private static List<GameListRow> RowsOf(ViewsConnection views, List<string> ids)
    {
        var byId = new Dictionary<string, GameListRow>(ids.Count, StringComparer.Ordinal);
        if (ids.Count > 0)
        {
            views.Query(
                GamesListQuery.Rows,
                r => byId[r.GetString(0)] = new GameListRow(r.GetString(0), r.Int64(1), r.Int32(2), r.Double(3), r.Double(4), r.Text(5), r.Text(6), r.GetInt64(7) == 1),
                ("$ids", JsonSerializer.Serialize(ids)));
        }
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }
}
