namespace Vectra.Runner.Serve.Pages;

/// <summary>The frame every page shares: head, inline style sheet, navigation and footer. No external resources.</summary>
internal static class PageLayout
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
        header{background:#1d2330;color:#fff;padding:10px 20px;display:flex;gap:22px;align-items:baseline}
        header a{color:#cfd8ea;text-decoration:none}header a.here{color:#fff;font-weight:600}
        header .brand{font-weight:700;color:#fff;margin-right:14px}
        main{padding:16px 20px;max-width:1180px}
        h1{font-size:20px;margin:4px 0 14px}h2{font-size:16px;margin:20px 0 8px}
        section.cards{display:flex;flex-wrap:wrap;gap:14px}
        .card{background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:10px 14px;min-width:260px}.card h2{margin-top:2px}
        table{border-collapse:collapse;background:#fff}
        td,th{padding:3px 9px;border-bottom:1px solid #e8ebf0;text-align:left;white-space:nowrap}
        th{font-weight:600;color:#4a5468}
        table.list td.num,table.list th.num{text-align:right}
        .verified{color:#137333}.hash_mismatch,.price_mismatch{color:#b3261e;font-weight:600}.unverifiable,.pending{color:#7a6400}
        .note{background:#fff8e1;border:1px solid #f0d98c;padding:8px 12px;border-radius:6px}
        .bad{color:#b3261e}.good{color:#137333}
        nav.pages a,nav.pages span{margin-right:10px}
        svg.chart{background:#fff;border:1px solid #dde2ea;border-radius:6px}
        svg .observed{fill:none;stroke:#1f6feb;stroke-width:1.6}
        svg .seed-path{fill:none;stroke:#8a94a6;stroke-width:1;stroke-dasharray:4 3}
        svg .seed-only{fill:#e8710a}svg .backfilled{fill:#fff;stroke:#1f6feb}
        svg .rug{stroke:#b3261e;stroke-width:1.5}svg .axis{stroke:#b8c0cc}svg text{font-size:11px;fill:#4a5468}
        svg .buy{fill:#137333}svg .short{fill:#8a94a6}svg .sell{fill:#b3261e}svg .forced-sell{fill:none;stroke:#b3261e;stroke-width:1.5}
        svg .sidebet-won{fill:#13733322}svg .sidebet-lost{fill:#b3261e18}svg .bar{fill:#1f6feb}
        footer{color:#7a8396;padding:10px 20px;font-size:12px}
        """;

    /// <summary>Wraps <paramref name="body"/> in the shared frame; <paramref name="here"/> is the path of the current section.</summary>
    public static string Render(string title, string here, Action<HtmlWriter> body)
    {
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Element("title", $"{title} · vectra")
            .Raw("<style>").Raw(Style).Raw("</style></head><body><header><span class=\"brand\">vectra</span>");
        foreach (var (path, label) in new[] { ("/", "Now"), ("/games", "Games"), ("/stats", "Stats") })
        {
            html.Link(path, label, path == here ? "here" : null);
        }
        html.Link("/metrics", "Metrics").Raw("</header><main>");
        body(html);
        html.Raw("</main><footer>read-only view of the journal and views.db; nothing here writes</footer></body></html>");
        return html.ToString();
    }
}
