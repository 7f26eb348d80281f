using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// The dashboard in a real browser (Playwright driving Debian's chromium) over a replayed simulated session,
/// compared with what views.db holds. Each test saves its page to docs/ for the README.
/// </summary>
[Collection(ServedDashboard.Name)]
public sealed class DashboardBrowserTests(ServedSession session, ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task The_games_page_lists_every_complete_game_with_its_views_db_verdict()
    {
        Dictionary<string, string> expected;
        using (var views = session.OpenViews())
        {
            expected = views.Rows("SELECT game_id, fairness FROM complete_games", r => (r.GetString(0), r.GetString(1))).ToDictionary(r => r.Item1, r => r.Item2);
        }
        var page = await browser.NewPageAsync();
        var listed = new Dictionary<string, string>();
        var pages = 0;

        await page.GotoAsync(new Uri(session.Url, "/games").ToString());
        await DashboardScreenshots.SaveAsync(page, "games");
        while (true)
        {
            pages++;
            var rows = await page.Locator("#games tbody tr[data-complete='1']")
                .EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.gameId, r.querySelector('[data-verdict]').textContent])");
            foreach (var row in rows)
            {
                Assert.True(listed.TryAdd(row[0], row[1]), $"game {row[0]} listed twice");
            }
            var next = page.Locator("a.next");
            if (await next.CountAsync() == 0 || pages > 100)
            {
                break;
            }
            var href = await next.GetAttributeAsync("href");
            Assert.StartsWith($"/games?page={pages + 1}&", href, StringComparison.Ordinal);
            await page.GotoAsync(new Uri(session.Url, href).ToString());
        }
        await page.CloseAsync();

        Assert.True(pages >= 2, $"the list fit on {pages} page(s); the test should page through it");
        Assert.True(expected.Count > 30, $"only {expected.Count} complete games");
        Assert.Equal(expected.OrderBy(p => p.Key), listed.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task A_game_chart_has_a_point_per_tick_and_marks_the_rug_tick()
    {
        string gameId;
        int ticks, rugTick;
        using (var views = session.OpenViews())
        {
            (gameId, ticks, rugTick) = views.Rows(
                """
                SELECT c.game_id, (SELECT count(*) FROM ticks t WHERE t.game_id = c.game_id) AS n, c.rug_tick
                FROM complete_games c JOIN games g ON g.game_id = c.game_id ORDER BY n DESC, c.game_id LIMIT 1
                """,
                r => (r.GetString(0), r.GetInt32(1), r.GetInt32(2)))[0];
        }
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(session.Url, "/games").ToString());
        await page.Locator($"#games a[href='/games/{gameId}']").ClickAsync();
        await page.WaitForURLAsync($"**/games/{gameId}");
        var points = await Points(page, "#game-chart polyline.observed");
        var rugMark = page.Locator("#game-chart g.rug-mark");
        var markedTick = int.Parse((await rugMark.GetAttributeAsync("data-tick"))!, CultureInfo.InvariantCulture);
        var rugX = double.Parse((await rugMark.Locator("line").GetAttributeAsync("x1"))!, CultureInfo.InvariantCulture);
        var rugLabel = await rugMark.Locator("text").TextContentAsync();
        var verdict = await page.Locator("[data-fact='verdict']").TextContentAsync();
        await DashboardScreenshots.SaveAsync(page, "game");
        await page.CloseAsync();

        Assert.True(ticks > 50, $"the longest game has only {ticks} ticks");
        Assert.Equal(rugTick + 1, ticks);
        Assert.Equal(ticks, points.Count);
        Assert.Equal(rugTick, markedTick);
        Assert.Equal(points[^1].X, rugX, 0.5);
        Assert.Equal($"rug @ tick {rugTick}", rugLabel);
        Assert.Equal("verified", verdict);
    }

    [Fact]
    public async Task A_game_seen_only_in_a_history_is_drawn_from_its_seed()
    {
        string gameId;
        int rugTick;
        using (var views = session.OpenViews())
        {
            (gameId, rugTick) = views.Rows(
                "SELECT game_id, rug_tick FROM complete_games c WHERE server_seed IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ticks t WHERE t.game_id = c.game_id) ORDER BY rug_tick DESC LIMIT 1",
                r => (r.GetString(0), r.GetInt32(1)))[0];
        }
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(session.Url, $"/games/{gameId}").ToString());
        var observed = await Points(page, "#game-chart polyline.observed");
        var fromSeed = await page.Locator("#game-chart circle.seed-only").CountAsync();
        var seedPath = await Points(page, "#game-chart polyline.seed-path");
        await page.CloseAsync();

        Assert.Empty(observed);
        Assert.Equal(rugTick, fromSeed);
        Assert.Equal(rugTick, seedPath.Count);
    }

    [Fact]
    public async Task The_stats_page_counts_every_complete_game_in_its_histograms()
    {
        long games;
        using (var views = session.OpenViews())
        {
            games = views.Rows("SELECT count(*) FROM complete_games WHERE rug_tick IS NOT NULL", r => r.GetInt64(0))[0];
        }
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(session.Url, "/stats").ToString());
        var rugBars = await page.Locator("#rug-histogram rect.bar").EvaluateAllAsync<long[]>("bars => bars.map(b => Number(b.dataset.count))");
        var peakBars = await page.Locator("#peak-histogram rect.bar").EvaluateAllAsync<long[]>("bars => bars.map(b => Number(b.dataset.count))");
        await DashboardScreenshots.SaveAsync(page, "stats");
        await page.CloseAsync();

        Assert.Equal(games, rugBars.Sum());
        Assert.Equal(games, peakBars.Sum());
    }

    [Fact]
    public async Task The_now_page_live_chart_grows_while_a_game_is_replayed_at_10x()
    {
        var gameId = FirstGameId(session.NextGame);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(session.Url.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('live-status').textContent === 'following the journal'");
        var counts = new List<int>();
        var screenshot = false;

        using var replay = Process.Start(VectraProcess.StartInfo("replay", session.NextGame, "--speed", "10", "--data", session.Data))!;
        replay.StandardInput.Close();
        var output = replay.StandardOutput.ReadToEndAsync();
        var errors = replay.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!replay.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (await LiveGame(page) == gameId)
            {
                counts.Add(await LivePoints(page));
                if (!screenshot && counts[^1] >= 120)
                {
                    await DashboardScreenshots.SaveAsync(page, "now");
                    screenshot = true;
                }
            }
            await Task.Delay(100);
        }
        await replay.WaitForExitAsync();
        Assert.True(replay.ExitCode == 0, $"replay exit {replay.ExitCode}: {await output}\n{await errors}");
        int ticks, rugTick;
        using (var views = session.OpenViews())
        {
            (ticks, rugTick) = views.Rows("SELECT (SELECT count(*) FROM ticks t WHERE t.game_id = g.game_id), rug_tick FROM games g WHERE game_id = $g",
                r => (r.GetInt32(0), r.GetInt32(1)), ("$g", gameId))[0];
        }
        await page.WaitForFunctionAsync($"() => document.getElementById('live-line').getAttribute('points').trim().split(/\\s+/).filter(Boolean).length === {ticks}");
        var rugShown = await page.Locator("#live-rug-tick").TextContentAsync();
        var rugMarked = await page.Locator("#live-rug").GetAttributeAsync("data-tick");
        await page.CloseAsync();

        // The replay hands records to the projections in batches (every 250 ms, longer when the machine is busy),
        // so the chart grows in steps; two steps short of the whole game show it grew while the game played.
        var distinct = counts.Distinct().ToList();
        var shown = $"while the replay ran the chart showed {string.Join(", ", distinct)} of {ticks} points";
        Assert.Equal(distinct.Order(), distinct);
        Assert.True(distinct[0] < ticks / 2, shown);
        Assert.True(distinct.Count(c => c > 0 && c < ticks) >= 2, shown);
        Assert.True(ticks > 300, $"the replayed game has {ticks} ticks");
        Assert.Equal(rugTick.ToString(CultureInfo.InvariantCulture), rugShown);
        Assert.Equal(rugTick.ToString(CultureInfo.InvariantCulture), rugMarked);
    }

    private static async Task<string?> LiveGame(IPage page) => await page.Locator("#live-chart").GetAttributeAsync("data-game");

    private static Task<int> LivePoints(IPage page) =>
        page.EvaluateAsync<int>("() => document.getElementById('live-line').getAttribute('points').trim().split(/\\s+/).filter(Boolean).length");

    private static async Task<List<(double X, double Y)>> Points(IPage page, string polyline)
    {
        var text = await page.Locator(polyline).GetAttributeAsync("points") ?? "";
        return [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split(','))
            .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))];
    }

    private static string FirstGameId(string recording)
    {
        using var first = JsonDocument.Parse(File.ReadLines(recording).First());
        var args = first.RootElement.GetProperty("args");
        return args[args.GetArrayLength() - 1].GetProperty("gameId").GetString()!;
    }
}
