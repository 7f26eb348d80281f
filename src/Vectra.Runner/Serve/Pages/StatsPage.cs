using System.Globalization;
using Vectra.Runner.Serve.Data;

namespace Vectra.Runner.Serve.Pages;

/// <summary>The Stats page: how rug ticks and peaks are distributed across complete games, as histograms.</summary>
internal static class StatsPage
{
    public static string Render(string dataDirectory)
    {
        using var views = ViewsConnection.TryOpen(dataDirectory);
        if (views is null || !views.HasTable("complete_games"))
        {
            return PageLayout.Render("Stats", "/stats", html => { html.Element("h1", "Stats"); MissingViews.Write(html, dataDirectory); });
        }
        var figures = StatsFigures.Read(views);
        return PageLayout.Render("Stats", "/stats", html =>
        {
            html.Element("h1", $"Stats over {figures.Verdicts.Values.Sum():N0} complete games");
            html.Open("p", ("id", "verdicts")).Text("fairness: ");
            foreach (var (verdict, count) in figures.Verdicts)
            {
                html.Element("span", $"{verdict} {count:N0}", ("class", verdict)).Raw(" · ");
            }
            html.Close("p");
            html.Element("h2", $"Rug tick ({figures.RugTicks:N0} games, median {Median(figures.RugTickMedian)}; each bar counts the ticks from its label up to the next)");
            html.Raw(SvgHistogram.Render("rug-histogram", [.. figures.RugBins.Select((count, i) => ($"{i * figures.RugBinWidth}", count))]));
            html.Element("h2", $"Peak multiplier ({figures.Peaks:N0} games, median {Median(figures.PeakMedian)})");
            html.Raw(SvgHistogram.Render("peak-histogram", [.. figures.PeakBins.Select((count, i) => (PeakLabel(i), count))]));
        });
    }

    private static string PeakLabel(int bin)
    {
        var edges = StatsFigures.PeakEdges;
        return bin + 1 < edges.Length ? $"{Edge(edges[bin])}–{Edge(edges[bin + 1])}x" : $"≥{Edge(edges[bin])}x";
    }

    private static string Edge(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Median(double? median) => median?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";
}
