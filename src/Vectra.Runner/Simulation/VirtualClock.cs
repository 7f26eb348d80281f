namespace Vectra.Runner.Simulation;

/// <summary>The simulator's time: microseconds since the Unix epoch, UTC, moved only by the simulation.</summary>
public sealed class VirtualClock(long startMicros)
{
    /// <summary>The current instant in microseconds since the epoch.</summary>
    public long Now { get; private set; } = startMicros;

    /// <summary>The current instant in milliseconds since the epoch (the feed's timestamps).</summary>
    public long NowMillis => Now / 1000;

    /// <summary>The UTC date of the current instant as <c>yyyyMMdd</c>, the prefix of game ids.</summary>
    public string DateStamp => DateTime.UnixEpoch.AddTicks(Now * TimeSpan.TicksPerMicrosecond).ToString("yyyyMMdd");

    /// <summary>Moves the clock forward by <paramref name="micros"/> (never backwards).</summary>
    public void Advance(long micros) => Now += Math.Max(0, micros);

    /// <summary>Moves the clock forward by <paramref name="millis"/> milliseconds.</summary>
    public void AdvanceMillis(double millis) => Advance((long)Math.Round(millis * 1000));
}
