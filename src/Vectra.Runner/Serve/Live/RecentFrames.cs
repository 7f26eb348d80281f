namespace Vectra.Runner.Serve.Live;

/// <summary>Frames per second over the last ten seconds of wall time, from the <c>meta_ts</c> of records as the live feed reads them.</summary>
internal sealed class RecentFrames(TimeProvider time)
{
    private static readonly long WindowMicros = 10_000_000;
    private readonly Queue<long> _stamps = new();
    private readonly object _gate = new();

    public void Seen(long metaTs)
    {
        lock (_gate)
        {
            if (metaTs >= Now() - WindowMicros)
            {
                _stamps.Enqueue(metaTs);
            }
        }
    }

    public double PerSecond()
    {
        lock (_gate)
        {
            var since = Now() - WindowMicros;
            while (_stamps.Count > 0 && _stamps.Peek() < since)
            {
                _stamps.Dequeue();
            }
            return _stamps.Count / 10.0;
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
}
