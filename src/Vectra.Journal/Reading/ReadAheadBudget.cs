namespace Vectra.Journal.Reading;

/// <summary>
/// The bytes of records read ahead and not yet taken by the consumer, bounded: the reading thread waits before it
/// queues more than the budget, so a journal of large frames cannot fill memory. One chunk larger than the whole
/// budget still passes when nothing else is held, so reading never stalls for good.
/// </summary>
internal sealed class ReadAheadBudget(long maxBytes)
{
    private readonly object _lock = new();
    private long _held;

    /// <summary>Bytes held right now.</summary>
    public long Held
    {
        get
        {
            lock (_lock)
            {
                return _held;
            }
        }
    }

    /// <summary>Waits until <paramref name="bytes"/> fit (or nothing is held), then holds them; throws when <paramref name="stop"/> fires.</summary>
    public void Take(long bytes, CancellationToken stop)
    {
        lock (_lock)
        {
            while (_held > 0 && _held + bytes > maxBytes)
            {
                stop.ThrowIfCancellationRequested();
                // Woken by Return; the timeout only lets a stop be seen.
                Monitor.Wait(_lock, TimeSpan.FromMilliseconds(50));
            }
            _held += bytes;
        }
    }

    /// <summary>The consumer is done with <paramref name="bytes"/>.</summary>
    public void Return(long bytes)
    {
        lock (_lock)
        {
            _held -= bytes;
            Monitor.PulseAll(_lock);
        }
    }
}
