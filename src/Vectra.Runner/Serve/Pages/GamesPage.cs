using Vectra.Runner.Serve.Data;

namespace Vectra.Runner.Serve.Pages;

/// <summary>The Games page: every game, sorted, filtered and paged, with its fairness verdict from views.db.</summary>
internal static class GamesPage
{
    private static readonly (string Key, string Label, bool Numeric)[] Headers =
    [
        ("time", "time (UTC)", false), ("rug", "rug tick", true), ("peak", "peak", true),
        ("completeness", "completeness", true), ("fairness", "fairness", false),
    ];

    public static string Render(string dataDirectory, GamesListRequest request)
    {
        using var views = ViewsConnection.TryOpen(dataDirectory);
        if (views is null || !views.HasTable("complete_games") || !views.HasTable("games"))
        {
            return PageLayout.Render("Games", "/games", html => { html.Element("h1", "Games"); MissingViews.Write(html, dataDirectory); });
        }
        var (rows, total) = GamesList.Read(views, request);
        var pages = (int)Math.Max(1, (total + GamesListRequest.PageSize - 1) / GamesListRequest.PageSize);
        if (request.Page > pages)
        {
            throw PageException.BadRequest($"page {request.Page} is past the last page ({pages}) of this list.");
        }
        return PageLayout.Render("Games", "/games", html =>
        {
            html.Element("h1", $"Games ({total:N0})");
            html.Open("p", ("class", "filters")).Text("show: ");
            foreach (var filter in GameListFilter.ByKey.Keys)
            {
                if (filter == request.Filter)
                {
                    html.Element("strong", filter).Raw(" ");
                }
                else
                {
                    html.Link(request.Href(page: 1, filter: filter), filter).Raw(" ");
                }
            }
            html.Close("p");
            html.Open("table", ("class", "list"), ("id", "games")).Open("thead").Open("tr").Element("th", "game");
            foreach (var (key, label, numeric) in Headers)
            {
                var direction = request.Sort == key && request.Direction == "desc" ? "asc" : "desc";
                var arrow = request.Sort == key ? (request.Direction == "desc" ? " ▼" : " ▲") : "";
                html.Open("th", ("class", numeric ? "num" : null)).Link(request.Href(page: 1, sort: key, direction: direction), label + arrow).Close("th");
            }
            html.Element("th", "phase").Close("tr").Close("thead").Open("tbody");
            foreach (var row in rows)
            {
                var verdict = row.Fairness ?? "pending";
                html.Open("tr", ("data-game-id", row.GameId), ("data-complete", row.Complete ? "1" : "0"))
                    .Open("td").Link($"/games/{row.GameId}", row.GameId).Close("td")
                    .Element("td", Display.Time(row.At))
                    .Element("td", Display.Whole(row.RugTick), ("class", "num"))
                    .Element("td", Display.Multiplier(row.Peak), ("class", "num"))
                    .Element("td", Display.Share(row.Completeness), ("class", "num"))
                    .Element("td", verdict, ("class", verdict), ("data-verdict", verdict))
                    .Element("td", row.Phase ?? "—")
                    .Close("tr");
            }
            html.Close("tbody").Close("table");
            html.Open("nav", ("class", "pages")).Element("span", $"page {request.Page} of {pages}");
            if (request.Page > 1)
            {
                html.Link(request.Href(page: request.Page - 1), "← previous", "prev");
            }
            if (request.Page < pages)
            {
                html.Link(request.Href(page: request.Page + 1), "next →", "next");
            }
            html.Close("nav");
        });
    }
}
