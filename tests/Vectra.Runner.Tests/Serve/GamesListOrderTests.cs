using System.Text.RegularExpressions;
using Vectra.Runner.Serve.Data;
using Vectra.Runner.Serve.Pages;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// The Games page, paged through to its end, lists exactly the games views.db holds that match its filter, each once,
/// in its sort: a complete game by its own value, else by its live one; games without a value last; ties by id.
/// </summary>
public sealed partial class GamesListOrderTests(ManyGamesViews views) : IClassFixture<ManyGamesViews>
{
    public static readonly TheoryData<string, string, string> EveryOrder = Orders();

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public void Paging_through_the_games_page_lists_every_matching_game_once_in_order(string sort, string direction, string filter)
    {
        var expected = ListedGames.Read(views).Where(g => g.Matches(filter)).Order(ListedGames.Comparer(sort, direction)).Select(g => g.Id).ToList();

        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var html = GamesPage.Render(views.Data, new GamesListRequest(page, sort, direction, filter));
            listed.AddRange(GameIds().Matches(html).Select(m => m.Groups[1].Value));
            if (!html.Contains("next →", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
    }

    private static TheoryData<string, string, string> Orders()
    {
        var orders = new TheoryData<string, string, string>();
        foreach (var sort in new[] { "time", "rug", "peak", "completeness", "fairness" })
        {
            foreach (var direction in new[] { "asc", "desc" })
            {
                foreach (var filter in new[] { "all", "unfair", "unverified", "incomplete" })
                {
                    orders.Add(sort, direction, filter);
                }
            }
        }
        return orders;
    }

    [GeneratedRegex("<tr data-game-id=\"([^\"]+)\"")]
    private static partial Regex GameIds();
}
