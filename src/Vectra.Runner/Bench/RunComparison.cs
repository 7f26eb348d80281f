using System.Globalization;

namespace Vectra.Runner.Bench;

/// <summary>
/// One figure of <c>bench capture --serve</c> compared between the runs without the dashboard and the runs serving it, in
/// one invocation: the difference of the medians (serving minus off), a 95 % bootstrap interval for it, and a one-sided
/// rank test (Mann–Whitney, exact by permutation) of whether serving made it worse. Worse is higher for latency and CPU,
/// lower for frames/s.
/// </summary>
/// <remarks>
/// The rule (BENCHMARKS.md, "serve: the verdict's rule"): the difference is <b>measurable</b> when the p-value is at
/// most <see cref="Alpha"/>: of every way to label the pooled runs as off and serving, at most 5 % put the serving runs
/// as far on the worse side of the off runs (counted over every off × serving pair of runs, ties a half) as the real
/// labels do. With three runs of each kind that is only the case when every serving run is worse than every run
/// without (p = 1/20); fewer than three of each can never reach it, so those are reported as too few to decide.
/// Exact over every labelling up to <see cref="ExactLimit"/> labellings, else 20,000 random ones; both random parts use a
/// fixed seed, so the same figures give the same verdict.
/// </remarks>
internal sealed record RunComparison(string Figure, string Unit, bool HigherIsWorse, IReadOnlyList<double> Off, IReadOnlyList<double> Serving,
    double Difference, double Low, double High, double PValue)
{
    public const double Alpha = 0.05;
    public const int MinimumRuns = 3;
    private const long ExactLimit = 200_000;
    private const int RandomLabellings = 20_000;
    private const int Resamples = 4_000;

    /// <summary>Whether there are enough runs of each kind for the test to be able to flag a difference.</summary>
    public bool Decidable => Off.Count >= MinimumRuns && Serving.Count >= MinimumRuns;

    /// <summary>Serving made this figure worse beyond what relabelling the runs explains (see the rule).</summary>
    public bool Measurable => Decidable && PValue <= Alpha;

    /// <summary>The difference as a share of the off runs' median, in percent.</summary>
    public double RelativePercent => Median([.. Off]) is var baseline and not 0 ? 100 * Difference / Math.Abs(baseline) : 0;

    /// <summary>Compares <paramref name="off"/> with <paramref name="serving"/> (one value per run).</summary>
    public static RunComparison Of(string figure, string unit, bool higherIsWorse, IReadOnlyList<double> off, IReadOnlyList<double> serving)
    {
        var difference = Median([.. serving]) - Median([.. off]);
        var (low, high) = Interval(off, serving);
        return new RunComparison(figure, unit, higherIsWorse, off, serving, difference, low, high, PermutationP(off, serving, higherIsWorse));
    }

    /// <summary>One line: the runs of each kind, the difference with its interval, p, and whether it is measurable.</summary>
    public override string ToString()
    {
        var verdict = !Decidable ? $"too few runs to decide (at least {MinimumRuns} of each)"
            : Measurable ? "MEASURABLE" : "not measurable";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Figure}: off {Join(Off)}, serving {Join(Serving)} {Unit}; serving − off (medians) {Difference:+0.##;-0.##;0} {Unit} ({RelativePercent:+0.#;-0.#;0} %), 95 % interval {Low:0.##} to {High:0.##}; p = {PValue:0.###}: {verdict}");
    }

    private static string Join(IReadOnlyList<double> values) => string.Join(" · ", values.Select(v => v.ToString("0.#", CultureInfo.InvariantCulture)));

    /// <summary>The share of labellings of the pooled runs that put the serving runs at least as far on the worse side as the real labels.</summary>
    private static double PermutationP(IReadOnlyList<double> off, IReadOnlyList<double> serving, bool higherIsWorse)
    {
        var pooled = off.Concat(serving).ToArray();
        var sign = higherIsWorse ? 1 : -1;
        var real = new bool[pooled.Length];
        Array.Fill(real, true, off.Count, serving.Count);
        var observed = Statistic(pooled, real, sign);
        const double tolerance = 1e-9;
        var chosen = new bool[pooled.Length];
        var labellings = Choose(pooled.Length, serving.Count);
        long asBad = 0;
        if (labellings <= ExactLimit)
        {
            foreach (var _ in Combinations(chosen, 0, serving.Count))
            {
                asBad += Statistic(pooled, chosen, sign) >= observed - tolerance ? 1 : 0;
            }
            return (double)asBad / labellings;
        }
        var random = new Random(13);
        for (var i = 0; i < RandomLabellings; i++)
        {
            Array.Clear(chosen);
            foreach (var index in Enumerable.Range(0, pooled.Length).OrderBy(_ => random.Next()).Take(serving.Count))
            {
                chosen[index] = true;
            }
            asBad += Statistic(pooled, chosen, sign) >= observed - tolerance ? 1 : 0;
        }
        return (asBad + 1.0) / (RandomLabellings + 1);
    }

    /// <summary>Mann–Whitney's U: over every (serving, off) pair of runs, 1 when the serving run is worse, ½ when equal.</summary>
    private static double Statistic(double[] pooled, bool[] serving, int sign)
    {
        var u = 0.0;
        for (var s = 0; s < pooled.Length; s++)
        {
            if (!serving[s])
            {
                continue;
            }
            for (var o = 0; o < pooled.Length; o++)
            {
                if (!serving[o])
                {
                    var worse = sign * (pooled[s] - pooled[o]);
                    u += worse > 0 ? 1 : worse == 0 ? 0.5 : 0;
                }
            }
        }
        return u;
    }

    /// <summary>Marks every choice of <paramref name="left"/> more entries from <paramref name="from"/> on, yielding once each.</summary>
    private static IEnumerable<bool> Combinations(bool[] chosen, int from, int left)
    {
        if (left == 0)
        {
            yield return true;
            yield break;
        }
        for (var i = from; i <= chosen.Length - left; i++)
        {
            chosen[i] = true;
            foreach (var done in Combinations(chosen, i + 1, left - 1))
            {
                yield return done;
            }
            chosen[i] = false;
        }
    }

    /// <summary>The 2.5th and 97.5th percentiles of the difference of medians over resamples of each kind's runs.</summary>
    private static (double Low, double High) Interval(IReadOnlyList<double> off, IReadOnlyList<double> serving)
    {
        var random = new Random(17);
        var differences = new double[Resamples];
        var a = new double[off.Count];
        var b = new double[serving.Count];
        for (var i = 0; i < Resamples; i++)
        {
            for (var j = 0; j < a.Length; j++)
            {
                a[j] = off[random.Next(off.Count)];
            }
            for (var j = 0; j < b.Length; j++)
            {
                b[j] = serving[random.Next(serving.Count)];
            }
            differences[i] = Median(b) - Median(a);
        }
        Array.Sort(differences);
        return (differences[(int)(0.025 * Resamples)], differences[(int)(0.975 * Resamples) - 1]);
    }

    private static long Choose(int n, int k)
    {
        long result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
