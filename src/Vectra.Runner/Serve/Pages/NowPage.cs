using Vectra.Journal.Records;
using Vectra.Runner.Serve.Caching;
using Vectra.Runner.Serve.Data;
using Vectra.Runner.Serve.Live;

namespace Vectra.Runner.Serve.Pages;

/// <summary>The Now page: capture health, projections, and the live game's chart growing tick by tick.</summary>
internal static class NowPage
{
    public static string Render(ServeOptions options, LiveFeed feed, JournalFollower journal, ViewsFollower views, TimeProvider time)
    {
        var figures = NowFigures.Read(options.DataDirectory, journal, views);
        var inProcess = options.CaptureInProcess?.Invoke();
        var now = MetaTime.FromDateTimeOffset(time.GetUtcNow());
        return PageLayout.Render("Now", "/", html =>
        {
            html.Element("h1", "Now");
            if (!figures.JournalExists)
            {
                html.Element("p", $"There is no journal in {Path.GetFullPath(options.DataDirectory)} yet: start `vectra capture --data {options.DataDirectory}`; this page fills in as frames arrive.", ("class", "note"), ("id", "no-journal"));
            }
            if (!figures.ViewsExist)
            {
                MissingViews.Write(html, options.DataDirectory);
            }
            WriteLiveGame(html, feed);
            html.Open("section", ("class", "cards"));
            WriteCapture(html, figures, inProcess, feed, now);
            WriteJournal(html, figures);
            WriteProjections(html, figures);
            html.Close("section");
            WriteTrades(html, figures.LastTrades);
            html.Raw("<script>").Raw(LiveChartScript.Source).Raw("</script>");
        });
    }

    private static void WriteCapture(HtmlWriter html, NowFigures figures, CaptureFigures? inProcess, LiveFeed feed, long now)
    {
        html.Open("div", ("class", "card"), ("id", "capture")).Element("h2", "Capture").Open("table");
        var state = inProcess is { } own ? (own.Connected ? "connected" : "not connected (reconnecting)")
            : figures.Running is { } running ? (running.Connected ? $"connected (session {running.Session[..8]}…)" : $"not connected (session {running.Session[..8]}…, blind since {Display.Time(running.BlindSince)})")
            : "no capture running";
        html.Fact("state", state, "capture-state")
            .Fact("frames/s", feed.FramesPerSecond.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " (last 10 s)", "frames-per-second")
            .Fact("last frame", figures.LastTs is { } last ? $"{Display.Duration(TimeSpan.FromMicroseconds(Math.Max(0, now - last)))} ago ({Display.Time(last)})" : "none yet", "last-frame")
            .Fact("blind", figures.History is { } h ? Display.Duration(TimeSpan.FromMicroseconds(h.BlindMicros)) : "—", "blind")
            .Fact("sessions", figures.History is { } s ? $"{s.Sessions:N0} ({s.CleanStops:N0} stopped cleanly), {s.Connections:N0} connections, {s.Retries:N0} retries" : "—", "sessions")
            .Fact("queued", inProcess is { } q ? q.Queued.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "— (known inside the capture: capture --serve)", "queued")
            .Fact("lost", figures.History is { } l ? $"{l.LostFrames:N0} frames lost to a full queue" : "—", "lost");
        html.Close("table").Close("div");
    }

    private static void WriteJournal(HtmlWriter html, NowFigures figures)
    {
        html.Open("div", ("class", "card"), ("id", "journal")).Element("h2", "Journal").Open("table")
            .Fact("records", Display.Whole(figures.Records), "records")
            .Fact("last meta_seq", Display.Whole(figures.Tail))
            .Fact("on disk", $"{figures.BytesOnDisk / 1048576.0:0.0} MB")
            .Close("table").Close("div");
    }

    private static void WriteProjections(HtmlWriter html, NowFigures figures)
    {
        html.Open("div", ("class", "card"), ("id", "projections")).Element("h2", "Projections");
        if (figures.Projections.Count == 0)
        {
            html.Element("p", "none has run yet");
        }
        else
        {
            html.Open("table", ("class", "list")).Raw("<tr><th>projection</th><th class=\"num\">checkpoint</th><th class=\"num\">lag</th><th class=\"num\">quarantined</th></tr>");
            foreach (var p in figures.Projections)
            {
                html.Open("tr", ("data-projection", p.Name)).Element("td", $"{p.Name} v{p.Version}")
                    .Element("td", Display.Whole(p.Checkpoint), ("class", "num"))
                    .Element("td", Display.Whole(p.Lag), ("class", p.Lag > 0 ? "num bad" : "num"))
                    .Element("td", Display.Whole(p.Quarantined), ("class", p.Quarantined > 0 ? "num bad" : "num")).Close("tr");
            }
            html.Close("table");
        }
        html.Close("div");
    }

    private static void WriteLiveGame(HtmlWriter html, LiveFeed feed)
    {
        var (gameId, phase, rugTick, prices) = feed.Current();
        html.Element("h2", "Live game", ("style", "margin-top:0"));
        html.Open("p").Text("game ").Element("strong", gameId ?? "—", ("id", "live-game")).Text(" · phase ").Element("strong", phase, ("id", "live-phase"))
            .Text(" · tick ").Element("strong", prices.Count > 0 ? prices[^1].Tick.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—", ("id", "live-tick"))
            .Text(" · price ").Element("strong", prices.Count > 0 ? Display.Multiplier(prices[^1].Price) : "—", ("id", "live-price"))
            .Text(" · rug tick ").Element("strong", rugTick?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", ("id", "live-rug-tick"))
            .Text(" · ").Element("span", feed.Problem is { } problem ? $"journal not readable: {problem}" : "connecting…", ("id", "live-status")).Close("p");
        var chart = new SvgChart(Math.Max(prices.Count > 0 ? prices[^1].Tick : 1, rugTick ?? 0), prices.Count > 0 ? prices.Max(p => p.Price) : 1);
        chart.Line("observed", prices, "live-line");
        chart.Mark("rug", rugTick ?? 0, $"rug @ tick {rugTick}", "live-rug", hidden: rugTick is null);
        html.Raw(chart.Render("live-chart", prices.Count));
    }

    private static void WriteTrades(HtmlWriter html, IReadOnlyList<TradeMark> trades)
    {
        html.Element("h2", "Last trades");
        if (trades.Count == 0)
        {
            html.Element("p", "none yet");
            return;
        }
        html.Open("table", ("class", "list"), ("id", "last-trades")).Raw("<tr><th>type</th><th class=\"num\">tick</th><th>player</th><th class=\"num\">price</th><th class=\"num\">amount</th></tr>");
        foreach (var trade in trades)
        {
            html.Open("tr").Element("td", trade.Forced ? $"{trade.Type} (forced)" : trade.Type).Element("td", Display.Whole(trade.Tick), ("class", "num"))
                .Element("td", trade.Username).Element("td", Display.Multiplier(trade.Price), ("class", "num"))
                .Element("td", trade.Amount?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "—", ("class", "num")).Close("tr");
        }
        html.Close("table");
    }
}
