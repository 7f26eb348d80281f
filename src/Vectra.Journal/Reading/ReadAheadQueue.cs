namespace Vectra.Journal.Reading;

/// <summary>
/// The chunks between the read-ahead thread and its consumer: bounded, and waited on without spinning. A
/// <c>BlockingCollection</c> spins before it blocks, on both sides; on two cores the applying thread of a rebuild spun
/// there for a second of samples, taking the CPU from the very thread it waited for (BENCHMARKS.md, "rebuild (issue 16,
/// twelfth session, branch `rebuild12`)").
/// </summary>
internal sealed class ReadAheadQueue<T>(int capacity)
{
    // Only lets a stop be seen by a producer waiting for room.
    private static readonly TimeSpan StopCheck = TimeSpan.FromMilliseconds(50);
    private readonly Queue<T> _items = new(capacity);
    private bool _completed;

    /// <summary>Queues <paramref name="item"/>, waiting while the queue is full; throws when <paramref name="stop"/> fires.</summary>
    public void Add(T item, CancellationToken stop)
    {
        lock (_items)
        {
            while (_items.Count >= capacity)
            {
                stop.ThrowIfCancellationRequested();
                Monitor.Wait(_items, StopCheck);
            }
            _items.Enqueue(item);
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>No more items will come; the consumer takes what is queued, then sees the end.</summary>
    public void CompleteAdding()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>The next item, waiting for one; false once the queue is completed and empty.</summary>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    item = default!;
                    return false;
                }
                Monitor.Wait(_items);
            }
            item = _items.Dequeue();
            Monitor.PulseAll(_items);
            return true;
        }
    }
}
