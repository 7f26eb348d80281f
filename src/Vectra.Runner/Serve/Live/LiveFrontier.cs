namespace Vectra.Runner.Serve.Live;

/// <summary>
/// How far the live chart may follow the journal. While the rugs projection is running it follows no further
/// than the projection's checkpoint, so the chart agrees with the tables on the page and a paced
/// <c>vectra replay</c>, which journals a whole recording at once and then hands it to the projections at
/// its recorded pace, plays at that pace. When the checkpoint has neither moved nor been level with the
/// journal for <see cref="StaleAfter"/> (no projections run, e.g. <c>capture --no-projections</c>), it follows
/// the journal's tail.
/// </summary>
internal sealed class LiveFrontier(TimeProvider time)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(20);

    private long? _checkpoint;
    private long _currentAt = time.GetTimestamp();

    /// <summary>The last seq the chart may show, given the journal's <paramref name="tail"/> and the rugs <paramref name="checkpoint"/> (null: none).</summary>
    public long Next(long tail, long? checkpoint)
    {
        if (checkpoint is not { } applied)
        {
            return tail;
        }
        if (applied != _checkpoint || applied >= tail)
        {
            _checkpoint = applied;
            _currentAt = time.GetTimestamp();
        }
        return applied >= tail || time.GetElapsedTime(_currentAt) < StaleAfter ? Math.Min(applied, tail) : tail;
    }
}
