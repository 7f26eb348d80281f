using Vectra.Runner.Serve.Data;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// The Stats page's counts, medians and bins, which SQLite computes from the indexes, equal those computed here from
/// every complete game's row (2,000 games, some without a rug tick or peak, four verdicts).
/// </summary>
public sealed class StatsFiguresTests(ManyGamesViews views) : IClassFixture<ManyGamesViews>
{
    [Fact]
    public void Counts_medians_and_bins_match_the_rows_of_views_db()
    {
        List<long> rugTicks;
        List<double> peaks;
        List<string> verdicts;
        using (var connection = views.OpenViews())
        {
            rugTicks = connection.Rows("SELECT rug_tick FROM complete_games WHERE rug_tick IS NOT NULL", r => r.GetInt64(0));
            peaks = connection.Rows("SELECT peak_multiplier FROM complete_games WHERE peak_multiplier IS NOT NULL", r => r.GetDouble(0));
            verdicts = connection.Rows("SELECT fairness FROM complete_games", r => r.GetString(0));
        }
        using var viewsConnection = ViewsConnection.TryOpen(views.Data)!;

        var figures = StatsFigures.Read(viewsConnection);

        Assert.Equal(verdicts.CountBy(v => v).Select(v => (v.Key, (long)v.Value)).OrderBy(v => v.Key, StringComparer.Ordinal), figures.Verdicts.Select(v => (v.Key, v.Value)).OrderBy(v => v.Key, StringComparer.Ordinal));
        Assert.True(figures.Verdicts.Count >= 4, string.Join(", ", figures.Verdicts.Keys));
        Assert.Equal(rugTicks.Count, figures.RugTicks);
        Assert.Equal(rugTicks.Order().ElementAt(rugTicks.Count / 2), figures.RugTickMedian);
        var width = (int)Math.Ceiling((rugTicks.Max() + 1) / 16.0);
        Assert.Equal(width, figures.RugBinWidth);
        var rugBins = new long[16];
        rugTicks.ForEach(t => rugBins[Math.Min(15, Math.Max(0, t) / width)]++);
        Assert.Equal(rugBins, figures.RugBins);
        Assert.True(rugBins.Count(c => c > 0) > 3, string.Join(",", rugBins));
        Assert.Equal(peaks.Count, figures.Peaks);
        Assert.Equal(peaks.Order().ElementAt(peaks.Count / 2), figures.PeakMedian);
        double[] edges = [1, 1.2, 1.5, 2, 3, 5, 10, 25, 50, 100];
        var peakBins = new long[edges.Length];
        peaks.ForEach(p => peakBins[Math.Max(0, Array.FindLastIndex(edges, e => p >= e))]++);
        Assert.Equal(peakBins, figures.PeakBins);
        Assert.True(peakBins.Count(c => c > 0) > 3, string.Join(",", peakBins));
    }
}
