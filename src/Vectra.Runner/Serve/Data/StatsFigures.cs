using System.Globalization;

namespace Vectra.Runner.Serve.Data;

/// <summary>
/// The Stats page's figures over complete games, counted by SQLite from the list indexes (no row per game comes into
/// the process): verdict counts, and for rug ticks and peaks the count, the median and a count per histogram bin.
/// </summary>
internal sealed record StatsFigures(
    IReadOnlyDictionary<string, long> Verdicts,
    long RugTicks,
    double? RugTickMedian,
    int RugBinWidth,
    long[] RugBins,
    long Peaks,
    double? PeakMedian,
    long[] PeakBins)
{
    /// <summary>Rug-tick bins: sixteen of equal width from tick 0 up to the largest rug tick (a negative tick counts in the first).</summary>
    public const int RugBinCount = 16;

    /// <summary>The lower edges of the peak bins; a peak counts in the last bin whose edge it reaches (below the first: the first).</summary>
    public static readonly double[] PeakEdges = [1, 1.2, 1.5, 2, 3, 5, 10, 25, 50, 100];

    private static readonly string PeakBin = "CASE " + string.Concat(Enumerable.Range(1, PeakEdges.Length - 1).Reverse()
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"WHEN peak_multiplier >= {PeakEdges[i]} THEN {i} "))) + "ELSE 0 END";

    /// <summary>Reads the figures on one snapshot of views.db, which has a <c>complete_games</c> table.</summary>
    public static StatsFigures Read(ViewsConnection views)
    {
        using var snapshot = views.Snapshot();
        var verdicts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        views.Query("SELECT fairness, count(*) FROM complete_games GROUP BY fairness", r => verdicts[r.GetString(0)] = r.GetInt64(1));

        long rugTicks = 0, maxRugTick = 0;
        views.Query("SELECT count(*), coalesce(max(rug_tick), 0) FROM complete_games WHERE rug_tick IS NOT NULL", r => (rugTicks, maxRugTick) = (r.GetInt64(0), r.GetInt64(1)));
        var width = (int)Math.Max(1, Math.Ceiling((maxRugTick + 1) / (double)RugBinCount));
        var rugBins = new long[RugBinCount];
        views.Query(
            $"SELECT min({RugBinCount - 1}, max(0, rug_tick) / $width), count(*) FROM complete_games WHERE rug_tick IS NOT NULL GROUP BY 1",
            r => rugBins[r.GetInt32(0)] = r.GetInt64(1), ("$width", width));

        var peaks = (long)views.Scalar("SELECT count(*) FROM complete_games WHERE peak_multiplier IS NOT NULL")!;
        var peakBins = new long[PeakEdges.Length];
        views.Query($"SELECT {PeakBin}, count(*) FROM complete_games WHERE peak_multiplier IS NOT NULL GROUP BY 1", r => peakBins[r.GetInt32(0)] = r.GetInt64(1));

        return new StatsFigures(verdicts, rugTicks, Median(views, "rug_tick", rugTicks), width, rugBins, peaks, Median(views, "peak_multiplier", peaks), peakBins);
    }

    /// <summary>The value at position count/2 in ascending order (the upper median), read from the column's index.</summary>
    private static double? Median(ViewsConnection views, string column, long count) =>
        count == 0 ? null : Convert.ToDouble(views.Scalar($"SELECT {column} FROM complete_games WHERE {column} IS NOT NULL ORDER BY {column} LIMIT 1 OFFSET $half", ("$half", count / 2)), CultureInfo.InvariantCulture);
}
