using System.Globalization;
using Vectra.Runner.Serve.Data;

namespace Vectra.Runner.Serve.Pages;

/// <summary>The Stats page: how rug ticks and peaks are distributed across complete games, as histograms.</summary>
internal static class StatsPage
{
    private static readonly double[] PeakEdges = [1, 1.2, 1.5, 2, 3, 5, 10, 25, 50, 100];

    public static string Render(string dataDirectory)
    {
        using var views = ViewsConnection.TryOpen(dataDirectory);
        if (views is null || !views.HasTable("complete_games"))
        {
            return PageLayout.Render("Stats", "/stats", html => { html.Element("h1", "Stats"); MissingViews.Write(html, dataDirectory); });
        }
        // Three queries, each answered from one of the list indexes (one over the table would read every price path), on one snapshot.
        using var snapshot = views.Snapshot();
        var rugTicks = new List<int>();
        var peaks = new List<double>();
        var verdicts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        views.Query("SELECT rug_tick FROM complete_games WHERE rug_tick IS NOT NULL", r => rugTicks.Add(r.GetInt32(0)));
        views.Query("SELECT peak_multiplier FROM complete_games WHERE peak_multiplier IS NOT NULL", r => peaks.Add(r.GetDouble(0)));
        views.Query("SELECT fairness, count(*) FROM complete_games GROUP BY fairness", r => verdicts[r.GetString(0)] = r.GetInt64(1));
        return PageLayout.Render("Stats", "/stats", html =>
        {
            html.Element("h1", $"Stats over {verdicts.Values.Sum():N0} complete games");
            html.Open("p", ("id", "verdicts")).Text("fairness: ");
            foreach (var (verdict, count) in verdicts)
            {
                html.Element("span", $"{verdict} {count:N0}", ("class", verdict)).Raw(" · ");
            }
            html.Close("p");
            html.Element("h2", $"Rug tick ({rugTicks.Count:N0} games, median {Median(rugTicks.Select(t => (double)t))}; each bar counts the ticks from its label up to the next)");
            html.Raw(SvgHistogram.Render("rug-histogram", RugBins(rugTicks)));
            html.Element("h2", $"Peak multiplier ({peaks.Count:N0} games, median {Median(peaks)})");
            html.Raw(SvgHistogram.Render("peak-histogram", PeakBins(peaks)));
        });
    }

    private static List<(string, long)> RugBins(List<int> ticks)
    {
        const int Bins = 16;
        var width = Math.Max(1, (int)Math.Ceiling(((ticks.Count == 0 ? 0 : ticks.Max()) + 1) / (double)Bins));
        var counts = new long[Bins];
        foreach (var tick in ticks)
        {
            counts[Math.Min(Bins - 1, Math.Max(0, tick) / width)]++;
        }
        return [.. counts.Select((count, i) => ($"{i * width}", count))];
    }

    private static List<(string, long)> PeakBins(List<double> peaks)
    {
        var counts = new long[PeakEdges.Length];
        foreach (var peak in peaks)
        {
            var bin = Array.FindLastIndex(PeakEdges, edge => peak >= edge);
            counts[Math.Max(0, bin)]++;
        }
        return [.. counts.Select((count, i) => (i + 1 < PeakEdges.Length ? $"{Edge(PeakEdges[i])}–{Edge(PeakEdges[i + 1])}x" : $"≥{Edge(PeakEdges[i])}x", count))];
    }

    private static string Edge(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? "—" : sorted[sorted.Length / 2].ToString("0.##", CultureInfo.InvariantCulture);
    }
}
