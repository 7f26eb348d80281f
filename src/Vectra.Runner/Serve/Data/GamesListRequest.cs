using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Vectra.Runner.Serve.Data;

/// <summary>
/// The Games page's query string, validated: <c>page</c> (from 1), <c>sort</c> (time, rug, peak, completeness,
/// fairness), <c>dir</c> (asc, desc) and <c>filter</c> (all, unfair, unverified, incomplete). Anything else is a 400.
/// </summary>
internal sealed record GamesListRequest(int Page, string Sort, string Direction, string Filter)
{
    public const int PageSize = 50;

    private static readonly HashSet<string> Keys = ["page", "sort", "dir", "filter"];

    public static GamesListRequest Default { get; } = new(1, "time", "desc", "all");

    /// <summary>Reads and checks the query; throws a 400 <see cref="PageException"/> for anything unexpected.</summary>
    public static GamesListRequest Parse(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (!Keys.Contains(key))
            {
                throw PageException.BadRequest($"unknown query parameter '{key}': the games list takes page, sort, dir and filter.");
            }
            if (values.Count != 1)
            {
                throw PageException.BadRequest($"query parameter '{key}' given {values.Count} times: give it once.");
            }
        }
        var page = 1;
        if (query.TryGetValue("page", out var pageText)
            && (!int.TryParse(pageText[0], NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            throw PageException.BadRequest($"page '{pageText[0]}' is not a page number: pages count from 1.");
        }
        var sort = Pick(query, "sort", Default.Sort, GameListSort.ByKey.Keys);
        var direction = Pick(query, "dir", Default.Direction, ["asc", "desc"]);
        var filter = Pick(query, "filter", Default.Filter, GameListFilter.ByKey.Keys);
        return new GamesListRequest(page, sort, direction, filter);
    }

    /// <summary>The query string of this request with some values changed, for links.</summary>
    public string Href(int? page = null, string? sort = null, string? direction = null, string? filter = null) =>
        $"/games?page={page ?? Page}&sort={sort ?? Sort}&dir={direction ?? Direction}&filter={filter ?? Filter}";

    private static string Pick(IQueryCollection query, string key, string fallback, IEnumerable<string> allowed)
    {
        if (!query.TryGetValue(key, out var values))
        {
            return fallback;
        }
        var value = values[0] ?? "";
        return allowed.Contains(value)
            ? value
            : throw PageException.BadRequest($"{key} '{value}' is not one of: {string.Join(", ", allowed)}.");
    }
}
