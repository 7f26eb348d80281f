using Vectra.Runner.Serve.Data;

namespace Vectra.Runner.Serve.Pages;

/// <summary>
/// The Game page: the observed price chart with the seed's path where it differs or where ticks were missed,
/// the rug, trades, sidebet windows, and the provably-fair check.
/// </summary>
internal static class GamePage
{
    private const int TradesListed = 200;

    public static string Render(string dataDirectory, string gameId)
    {
        using var views = ViewsConnection.TryOpen(dataDirectory);
        if (views is null || !views.HasTable("complete_games") || !views.HasTable("games"))
        {
            throw PageException.NotFound($"no game {gameId}: views.db does not exist yet in {Path.GetFullPath(dataDirectory)}.");
        }
        var game = GameDetails.Read(views, gameId);
        var seed = SeedPath.Of(gameId, game.Complete);
        var rugTick = game.Complete?.RugTick ?? game.Live?.RugTick;
        return PageLayout.Render($"Game {gameId}", "/games", html =>
        {
            html.Element("h1", $"Game {gameId}");
            html.Open("section", ("class", "cards")).Open("div", ("class", "card")).Open("table");
            html.Fact("phase", game.Live?.Phase ?? "not seen live (gameHistory only)", "phase")
                .Fact("started", Display.Time(game.Live?.StartedAt))
                .Fact("ended", Display.Time(game.Complete?.EndedAt ?? game.Live?.RuggedAt))
                .Fact("rug tick", Display.Whole(rugTick), "rug-tick")
                .Fact("peak", Display.Multiplier(game.Complete?.Peak ?? game.Live?.Peak))
                .Fact("ticks seen", $"{game.Ticks.Count:N0} ({game.Live?.Backfilled ?? 0:N0} backfilled, {game.Live?.Missing ?? 0:N0} missing)", "ticks")
                .Fact("completeness", Display.Share(game.Complete?.Completeness));
            html.Close("table").Close("div");
            WriteFairness(html, game, seed);
            html.Close("section");
            html.Element("h2", "Price");
            html.Raw(Chart(game, seed, rugTick));
            html.Open("p", ("class", "legend")).Text("blue line: ticks observed live (hollow: backfilled from partialPrices); dashed grey: ")
                .Text(seed?.Source ?? "no seed or history path").Text("; orange dots: the seed's price where a tick was missed or differs; red line: rug; ")
                .Text("green/red dots: buys/sells, red rings: forced sells at the rug; bands: sidebet windows (green won, red lost).").Close("p");
            WriteSidebets(html, game.Sidebets);
            WriteTrades(html, game.Trades);
        });
    }

    private static string Chart(GameDetail game, SeedPath? seed, int? rugTick)
    {
        var maxTick = Math.Max(Math.Max(game.Ticks.Count > 0 ? game.Ticks[^1].Tick : 0, seed?.Prices.Count ?? 0), rugTick ?? 0);
        var maxPrice = game.Ticks.Select(t => t.Price).Concat(seed?.Prices ?? []).DefaultIfEmpty(1).Max();
        var chart = new SvgChart(maxTick, maxPrice);
        foreach (var bet in game.Sidebets)
        {
            chart.Band(bet.Won == true ? "sidebet-won" : "sidebet-lost", bet.StartTick, bet.EndTick,
                $"sidebet {bet.Username}: ticks {bet.StartTick}-{bet.EndTick}, {(bet.Won is null ? "open" : bet.Won.Value ? "won" : "lost")}");
        }
        var observed = game.Ticks.ToDictionary(t => t.Tick, t => t.Price);
        if (seed is not null)
        {
            chart.Line("seed-path", seed.Prices.Select((price, tick) => (tick, price)));
        }
        chart.Line("observed", game.Ticks.Select(t => (t.Tick, t.Price)));
        chart.Dots("backfilled", game.Ticks.Where(t => t.Backfilled).Select(t => (t.Tick, t.Price)), 2.5);
        if (seed is not null)
        {
            var differing = seed.Prices.Select((price, tick) => (tick, price))
                .Where(p => !observed.TryGetValue(p.tick, out var seen) || seen.CompareTo(p.price) != 0);
            chart.Dots("seed-only", differing, 2.5, "from the seed");
        }
        foreach (var trade in game.Trades.Where(t => t.Tick is not null && t.Price is not null))
        {
            chart.Dots(TradeClass(trade), [(trade.Tick!.Value, trade.Price!.Value)], 3.5, $"{trade.Type} by {trade.Username}");
        }
        if (rugTick is { } rug)
        {
            chart.Mark("rug", rug, $"rug @ tick {rug}");
        }
        return chart.Render("game-chart");
    }

    private static string TradeClass(TradeMark trade) => trade.Forced ? "forced-sell" : trade.Type switch
    {
        "buy" => "buy",
        "sell" => "sell",
        _ => "short",
    };

    private static void WriteFairness(HtmlWriter html, GameDetail game, SeedPath? seed)
    {
        html.Open("div", ("class", "card"), ("id", "fairness")).Element("h2", "Provably fair").Open("table");
        if (game.Complete is not { } complete)
        {
            html.Fact("verdict", "pending: the game is not in a gameHistory window yet", "verdict");
        }
        else
        {
            html.Open("tr").Element("th", "verdict").Element("td", complete.Fairness, ("class", complete.Fairness), ("data-fact", "verdict")).Close("tr")
                .Fact("reason", complete.FairnessReason)
                .Fact("server seed", complete.Seed ?? "not revealed")
                .Fact("seed hash", complete.SeedHash ?? game.Live?.SeedHash)
                .Fact("version", complete.Version)
                .Fact("prices", complete.PricesSource)
                .Fact("first differing tick", seed is null ? "nothing to compare" : seed.FirstDifference(game.Ticks)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: every observed tick matches", "first-difference")
                .Fact("live mismatches", Display.Whole(complete.LiveMismatches));
        }
        html.Close("table").Close("div");
    }

    private static void WriteSidebets(HtmlWriter html, IReadOnlyList<SidebetWindow> sidebets)
    {
        html.Element("h2", $"Sidebets ({sidebets.Count:N0})");
        if (sidebets.Count == 0)
        {
            return;
        }
        html.Open("table", ("class", "list"), ("id", "sidebets")).Raw("<tr><th>player</th><th class=\"num\">window</th><th class=\"num\">bet</th><th class=\"num\">payout x</th><th>outcome</th></tr>");
        foreach (var bet in sidebets)
        {
            html.Open("tr").Element("td", bet.Username).Element("td", $"{bet.StartTick}–{bet.EndTick}", ("class", "num"))
                .Element("td", bet.BetAmount.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), ("class", "num"))
                .Element("td", bet.XPayout.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), ("class", "num"))
                .Element("td", bet.Won is null ? "open" : bet.Won.Value ? "won" : "lost", ("class", bet.Won == true ? "good" : "bad")).Close("tr");
        }
        html.Close("table");
    }

    private static void WriteTrades(HtmlWriter html, IReadOnlyList<TradeMark> trades)
    {
        html.Element("h2", trades.Count > TradesListed ? $"Trades (first {TradesListed} of {trades.Count:N0})" : $"Trades ({trades.Count:N0})");
        if (trades.Count == 0)
        {
            return;
        }
        html.Open("table", ("class", "list"), ("id", "trades")).Raw("<tr><th class=\"num\">tick</th><th>type</th><th>player</th><th class=\"num\">price</th><th class=\"num\">amount</th></tr>");
        foreach (var trade in trades.Take(TradesListed))
        {
            html.Open("tr").Element("td", Display.Whole(trade.Tick), ("class", "num")).Element("td", trade.Forced ? $"{trade.Type} (forced)" : trade.Type)
                .Element("td", trade.Username).Element("td", Display.Multiplier(trade.Price), ("class", "num"))
                .Element("td", trade.Amount?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "—", ("class", "num")).Close("tr");
        }
        html.Close("table");
    }
}
