using System.Globalization;

namespace Vectra.Runner.Bench;

/// <summary>What the polling client of <c>bench capture --serve</c> saw: complete rounds of every page, answers by status, request times.</summary>
/// <param name="Rounds">Rounds in which every page was requested once.</param>
/// <param name="PagesPerRound">Pages in a round.</param>
/// <param name="Requests">Pages answered (also those of an unfinished last round).</param>
/// <param name="Statuses">Answers by HTTP status (503 from <c>/readyz</c> is expected: the bench captures without projections).</param>
/// <param name="P50Ms">Request time (to the last byte) at the median.</param>
/// <param name="P99Ms">Request time at the 99th percentile.</param>
/// <param name="MaxMs">The slowest request.</param>
internal sealed record ServingFigures(int Rounds, int PagesPerRound, int Requests, IReadOnlyDictionary<int, int> Statuses, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>From the request times in milliseconds, in any order.</summary>
    public static ServingFigures From(int rounds, int pagesPerRound, IReadOnlyCollection<double> milliseconds, IReadOnlyDictionary<int, int> statuses)
    {
        var sorted = milliseconds.Order().ToArray();
        return new ServingFigures(rounds, pagesPerRound, sorted.Length, new SortedDictionary<int, int>(statuses.ToDictionary()),
            Math.Round(Percentile(sorted, 50), 1), Math.Round(Percentile(sorted, 99), 1), Math.Round(sorted.Length == 0 ? 0 : sorted[^1], 1));
    }

    /// <summary>One line: rounds, pages served by status, request p50/p99/max.</summary>
    public override string ToString() => Requests == 0
        ? "no page was answered"
        : string.Create(CultureInfo.InvariantCulture,
            $"{Rounds} round{(Rounds == 1 ? "" : "s")} of {PagesPerRound} pages, {Requests} served ({string.Join(", ", Statuses.Select(s => $"{s.Value} × {s.Key}"))}); request p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms, max {MaxMs:F1} ms");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
