using Vectra.Runner.Serve.Data;
using Vectra.Runner.Serve.Pages;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// The Games and Stats pages over many games read a small part of views.db: each <c>complete_games</c> row carries its
/// whole price path, and a page that scans the table to sort, count or bin reads every path (twice for the Games page),
/// which is what made a page of 10,000 games take a second. Measured as the bytes this thread reads from files while it
/// renders (Linux <c>/proc/thread-self/io</c>), not as time.
/// </summary>
public sealed class PageReadsTests(ThousandsOfGamesViews views) : IClassFixture<ThousandsOfGamesViews>
{
    public static readonly TheoryData<string, string, string> EveryOrder = GamesListOrderTests.EveryOrder;

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public void The_first_and_last_games_page_of_every_order_read_under_a_quarter_of_the_price_paths(string sort, string direction, string filter)
    {
        var budget = PricePathBytes() / 4;
        var last = (int)Math.Max(1, (ListedGames.Read(views).Count(g => g.Matches(filter)) + GamesListRequest.PageSize - 1) / GamesListRequest.PageSize);

        foreach (var page in new[] { 1, last })
        {
            var request = new GamesListRequest(page, sort, direction, filter);
            var read = BytesReadWhile(() => GamesPage.Render(views.Data, request));

            Assert.True(read < budget, $"page {page} read {read:N0} bytes; the price paths take {budget * 4:N0}");
        }
    }

    [Fact]
    public void The_stats_page_reads_under_a_quarter_of_the_price_paths()
    {
        var budget = PricePathBytes() / 4;

        var read = BytesReadWhile(() => StatsPage.Render(views.Data));

        Assert.True(read < budget, $"the stats page read {read:N0} bytes; the price paths take {budget * 4:N0}");
    }

    /// <summary>Bytes this thread reads from files while <paramref name="render"/> runs, after one warm-up render (which loads code and fills nothing SQLite keeps: each render opens views.db afresh).</summary>
    private static long BytesReadWhile(Func<string> render)
    {
        Assert.NotEmpty(render());
        var before = ThreadReadBytes();
        var html = render();
        var read = ThreadReadBytes() - before;
        Assert.NotEmpty(html);
        return read;
    }

    private static long ThreadReadBytes()
    {
        var line = File.ReadLines("/proc/thread-self/io").First(l => l.StartsWith("rchar:", StringComparison.Ordinal));
        return long.Parse(line["rchar:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private long PricePathBytes()
    {
        using var connection = views.OpenViews();
        var bytes = connection.Rows("SELECT sum(length(prices)) FROM complete_games", r => r.GetInt64(0)).Single();
        Assert.True(bytes > 1_000_000, $"the fixture's price paths take only {bytes:N0} bytes");
        return bytes;
    }
}
