namespace Vectra.Runner.Capture;

/// <summary>
/// How long to wait before the next connection attempt. For <c>fastWindow</c> after the connection
/// was lost every retry waits 0.5–1 s, so a brief outage (a server restart, a kick) costs about a
/// second of capture; after that delays double from 1 s up to <c>cap</c>, each drawn from the upper
/// half of its ceiling (jitter, so many clients do not retry in step).
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan fastWindow, TimeSpan cap, Func<double> random)
{
    private static readonly TimeSpan FastCeiling = TimeSpan.FromSeconds(1);

    private DateTimeOffset _lostAt;
    private int _slowAttempts;

    /// <summary>Retries since the last connection was lost (1 for the first).</summary>
    public int Attempt { get; private set; }

    /// <summary>A connection was lost (or never opened) at <paramref name="lostAt"/>: start over with fast retries.</summary>
    public void Reset(DateTimeOffset lostAt)
    {
        _lostAt = lostAt;
        _slowAttempts = 0;
        Attempt = 0;
    }

    /// <summary>The delay before the next attempt, at <paramref name="now"/>.</summary>
    public TimeSpan Next(DateTimeOffset now)
    {
        Attempt++;
        var ceiling = now - _lostAt < fastWindow
            ? FastCeiling
            : TimeSpan.FromTicks(Math.Min(cap.Ticks, FastCeiling.Ticks << Math.Min(++_slowAttempts, 20)));
        return ceiling * (0.5 + 0.5 * random());
    }
}
