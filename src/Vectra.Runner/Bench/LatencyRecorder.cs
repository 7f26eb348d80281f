using System.Diagnostics;

namespace Vectra.Runner.Bench;

/// <summary>Collects per-operation latencies (from any thread) and reports percentiles in milliseconds.</summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _count;

    public int Count => Math.Min(_count, _ticks.Length);

    public void Add(long startTimestamp)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _ticks.Length)
        {
            _ticks[index] = Stopwatch.GetTimestamp() - startTimestamp;
        }
    }

    public double PercentileMs(double p)
    {
        if (Count == 0)
        {
            return 0;
        }
        var sorted = _ticks.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        var index = (int)Math.Clamp(Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}
