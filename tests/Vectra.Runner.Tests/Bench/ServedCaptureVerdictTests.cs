using Vectra.Runner.Bench;

namespace Vectra.Runner.Tests.Bench;

/// <summary>
/// The rule by which <c>bench capture --serve</c> says whether serving slowed the capture, on figures measured in earlier
/// sessions (BENCHMARKS.md): it must flag main's old dashboard cost and must not flag runs that overlap.
/// </summary>
public sealed class ServedCaptureVerdictTests
{
    [Fact]
    public void The_fifth_sessions_dashboard_cost_is_measurable()
    {
        // Quiet machine, rate 200: p99 off 6.5 · 7.7 · 5.9 ms, serving 15.8 · 8.4 · 10.4 ms, every served run above every other.
        var runs = Runs(off: [6.5, 7.7, 5.9], serving: [15.8, 8.4, 10.4]);

        var verdict = ServedCaptureVerdict.Of(runs);

        var p99 = verdict.Slowing.Single(c => c.Figure == "p99");
        Assert.True(p99.Measurable, p99.ToString());
        Assert.Equal(0.05, p99.PValue, 6);
        Assert.Equal(10.4 - 6.5, p99.Difference, 6);
        Assert.StartsWith("verdict: serving slows the capture measurably (p99", verdict.Line);
    }

    [Fact]
    public void Runs_whose_p99_overlap_are_not_measurable()
    {
        // Quiet machine, eighth session: p99 off 5.9 · 5.8 · 6.5 ms, serving 6.1 · 6.4 · 7.4 ms.
        var runs = Runs(off: [5.9, 5.8, 6.5], serving: [6.1, 6.4, 7.4]);

        var verdict = ServedCaptureVerdict.Of(runs);

        var p99 = verdict.Slowing.Single(c => c.Figure == "p99");
        Assert.False(p99.Measurable, p99.ToString());
        Assert.True(p99.PValue > 0.05, p99.ToString());
        Assert.InRange(p99.Low, double.NegativeInfinity, 0);
        Assert.StartsWith("verdict: serving does not slow the capture measurably", verdict.Line);
    }

    [Fact]
    public void Fewer_than_three_runs_of_each_kind_give_no_verdict_even_when_serving_is_far_worse()
    {
        var runs = Runs(off: [5.0, 5.5], serving: [50.0, 60.0]);

        var verdict = ServedCaptureVerdict.Of(runs);

        Assert.False(verdict.Slowing.Single(c => c.Figure == "p99").Measurable);
        Assert.StartsWith("verdict: too few runs to decide", verdict.Line);
    }

    [Fact]
    public void Fewer_frames_per_second_while_serving_count_as_worse_and_more_do_not()
    {
        var slower = ServedCaptureVerdict.Of(Runs(off: [6, 6, 6, 6, 6], serving: [6, 6, 6, 6, 6], fpsOff: [12_000, 11_800, 12_100, 11_900, 12_050], fpsServing: [9_000, 9_200, 8_800, 9_100, 8_900]));
        var faster = ServedCaptureVerdict.Of(Runs(off: [6, 6, 6, 6, 6], serving: [6, 6, 6, 6, 6], fpsOff: [9_000, 9_200, 8_800, 9_100, 8_900], fpsServing: [12_000, 11_800, 12_100, 11_900, 12_050]));

        Assert.True(slower.Slowing.Single(c => c.Figure == "frames/s").Measurable);
        Assert.StartsWith("verdict: serving slows the capture measurably (frames/s", slower.Line);
        Assert.False(faster.Slowing.Single(c => c.Figure == "frames/s").Measurable);
        Assert.StartsWith("verdict: serving does not slow", faster.Line);
    }

    private static List<ServedCaptureBenchmark.Run> Runs(double[] off, double[] serving, double[]? fpsOff = null, double[]? fpsServing = null)
    {
        var runs = new List<ServedCaptureBenchmark.Run>();
        for (var i = 0; i < off.Length; i++)
        {
            runs.Add(Run(runs.Count + 1, served: false, p99: off[i], fps: fpsOff?[i] ?? 200));
        }
        for (var i = 0; i < serving.Length; i++)
        {
            runs.Add(Run(runs.Count + 1, served: true, p99: serving[i], fps: fpsServing?[i] ?? 200));
        }
        return runs;
    }

    private static ServedCaptureBenchmark.Run Run(int number, bool served, double p99, double fps) =>
        new(number, served, 6000, fps, fps, 1.2, p99, p99 * 5, null, default, 14_000);
}
