namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// What the Games page should list, worked out here from whole rows of views.db: a game is complete when
/// <c>complete_games</c> has it, and shows its own time, rug tick and peak, else its live row's; a game seen only live
/// has no verdict and the share of its ticks observed.
/// </summary>
internal sealed record ListedGames(string Id, long? At, long? RugTick, double? Peak, double? Completeness, string? Fairness)
{
    public static List<ListedGames> Read(GamesViews views)
    {
        using var connection = views.OpenViews();
        var live = connection.Rows(
            "SELECT game_id, rugged_at, started_at, cooldown_at, rug_tick, peak_observed, ticks_observed FROM games",
            r => new
            {
                Id = r.GetString(0),
                At = Long(r, 1) ?? Long(r, 2) ?? Long(r, 3),
                RugTick = Long(r, 4),
                Peak = r.IsDBNull(5) ? (double?)null : r.GetDouble(5),
                Observed = r.GetInt64(6),
            }).ToDictionary(g => g.Id, StringComparer.Ordinal);
        var complete = connection.Rows(
            "SELECT game_id, ended_at, rug_tick, peak_multiplier, completeness, fairness FROM complete_games",
            r =>
            {
                var seen = live.GetValueOrDefault(r.GetString(0));
                return new ListedGames(
                    r.GetString(0), Long(r, 1) ?? seen?.At, Long(r, 2) ?? seen?.RugTick, r.IsDBNull(3) ? seen?.Peak : r.GetDouble(3), r.GetDouble(4), r.GetString(5));
            });
        var completeIds = complete.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. complete,
            .. live.Values.Where(g => !completeIds.Contains(g.Id))
                .Select(g => new ListedGames(g.Id, g.At, g.RugTick, g.Peak, g.RugTick is { } rug ? g.Observed / (rug + 1.0) : null, null)),
        ];
    }

    public bool Matches(string filter) => filter switch
    {
        "all" => true,
        "unfair" => Fairness is "hash_mismatch" or "price_mismatch",
        "unverified" => Fairness != "verified",
        "incomplete" => Completeness is null or < 1,
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    /// <summary>The page's order: by the sort's value with games lacking one last, then by id; both in the direction asked.</summary>
    public static IComparer<ListedGames> Comparer(string sort, string direction)
    {
        Func<ListedGames, IComparable?> value = sort switch
        {
            "time" => g => g.At,
            "rug" => g => g.RugTick,
            "peak" => g => g.Peak,
            "completeness" => g => g.Completeness,
            "fairness" => g => g.Fairness,
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        var sign = direction == "asc" ? 1 : -1;
        return Comparer<ListedGames>.Create((a, b) =>
        {
            var (x, y) = (value(a), value(b));
            if (x is null || y is null)
            {
                var missing = (x is null).CompareTo(y is null);
                if (missing != 0)
                {
                    return missing;
                }
            }
            else
            {
                var byValue = x is string text ? string.CompareOrdinal(text, (string)y) : x.CompareTo(y);
                if (byValue != 0)
                {
                    return sign * byValue;
                }
            }
            return sign * string.CompareOrdinal(a.Id, b.Id);
        });
    }

    private static long? Long(Microsoft.Data.Sqlite.SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetInt64(column);
}
