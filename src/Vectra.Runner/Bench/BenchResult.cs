namespace Vectra.Runner.Bench;

/// <summary>One measured loop: how many operations, how fast, and how long each waited.</summary>
internal sealed record BenchResult(string Name, long Operations, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Math.Max(Seconds, 1e-9);

    public static BenchResult From(string name, long operations, double seconds, LatencyRecorder? latencies) =>
        new(name, operations, seconds, latencies?.PercentileMs(50) ?? 0, latencies?.PercentileMs(99) ?? 0);
}
