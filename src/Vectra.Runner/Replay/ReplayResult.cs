namespace Vectra.Runner.Replay;

/// <summary>How many records a replay handed on, and how long it took on its clock.</summary>
internal readonly record struct ReplayResult(long Records, TimeSpan Elapsed)
{
    /// <summary>Records per second over the replay (0 when no time passed).</summary>
    public double RecordsPerSecond => Elapsed > TimeSpan.Zero ? Records / Elapsed.TotalSeconds : 0;
}
