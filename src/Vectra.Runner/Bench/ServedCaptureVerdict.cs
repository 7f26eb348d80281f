namespace Vectra.Runner.Bench;

/// <summary>
/// Whether serving slowed the capture in one <c>bench capture --serve</c> invocation: receive→durable p50 and p99 and
/// frames/s compared between its runs without and with the dashboard (<see cref="RunComparison"/>), and the capturing
/// process's CPU time as what serving costs, which is reported beside the verdict but does not decide it (serving pages
/// takes some CPU by definition; the question is whether the capture's frames are later or fewer).
/// </summary>
internal sealed record ServedCaptureVerdict(IReadOnlyList<RunComparison> Slowing, RunComparison Cpu)
{
    /// <summary>The comparisons over <paramref name="runs"/>.</summary>
    public static ServedCaptureVerdict Of(IReadOnlyList<ServedCaptureBenchmark.Run> runs)
    {
        RunComparison Compare(string figure, string unit, bool higherIsWorse, Func<ServedCaptureBenchmark.Run, double> pick) =>
            RunComparison.Of(figure, unit, higherIsWorse, [.. runs.Where(r => !r.Served).Select(pick)], [.. runs.Where(r => r.Served).Select(pick)]);
        return new ServedCaptureVerdict(
            [Compare("p50", "ms", true, r => r.P50Ms), Compare("p99", "ms", true, r => r.P99Ms), Compare("frames/s", "", false, r => r.FramesPerSecond)],
            Compare("CPU", "ms", true, r => r.CpuMs));
    }

    /// <summary>The verdict line the bench prints last.</summary>
    public string Line
    {
        get
        {
            if (Slowing.Any(c => !c.Decidable))
            {
                return $"verdict: too few runs to decide (at least {RunComparison.MinimumRuns} of each kind: --pairs 3 or more)";
            }
            var measurable = Slowing.Where(c => c.Measurable).Select(c => c.Figure).ToList();
            return measurable.Count > 0
                ? $"verdict: serving slows the capture measurably ({string.Join(", ", measurable)} worse while serving, p ≤ {RunComparison.Alpha} in a one-sided rank test)"
                : $"verdict: serving does not slow the capture measurably (p50, p99 and frames/s: p > {RunComparison.Alpha} in a one-sided rank test against the runs without the dashboard)";
        }
    }
}
