using System.Globalization;

namespace Vectra.Runner.Bench;

/// <summary>
/// The garbage collector's work in this process between <see cref="Start"/> and <see cref="Stop"/>: collections by
/// generation, the time threads were paused for them, and the bytes allocated. A paused capture thread is a late frame.
/// </summary>
internal readonly record struct GcFigures(int Gen0, int Gen1, int Gen2, double PauseMs, long AllocatedBytes)
{
    /// <summary>The counters now, to be turned into differences by <see cref="Stop"/>.</summary>
    public static GcFigures Start() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds, GC.GetTotalAllocatedBytes());

    /// <summary>What happened since this value was taken by <see cref="Start"/>.</summary>
    public GcFigures Stop()
    {
        var now = Start();
        return new(now.Gen0 - Gen0, now.Gen1 - Gen1, now.Gen2 - Gen2, Math.Round(now.PauseMs - PauseMs, 1), now.AllocatedBytes - AllocatedBytes);
    }

    /// <summary>One line: collections of generations 0/1/2, pause time, allocated MB.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GC {Gen0}/{Gen1}/{Gen2}, paused {PauseMs:F1} ms, {AllocatedBytes >> 20:N0} MB allocated");
}
