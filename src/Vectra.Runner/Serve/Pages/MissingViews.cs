namespace Vectra.Runner.Serve.Pages;

/// <summary>The note a page shows instead of its tables when views.db (or the rugs tables) does not exist yet.</summary>
internal static class MissingViews
{
    public static void Write(HtmlWriter html, string dataDirectory) =>
        html.Open("p", ("class", "note"), ("id", "no-views"))
            .Text($"views.db does not exist yet in {Path.GetFullPath(dataDirectory)}: no projection has run. ")
            .Text("Start `vectra capture` (projections run beside it) or run `vectra project`; this page fills in as soon as they write.")
            .Close("p");
}
