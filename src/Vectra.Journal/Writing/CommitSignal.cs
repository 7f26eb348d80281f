namespace Vectra.Journal.Writing;

/// <summary>
/// Tells in-process readers the last committed (and so, under <c>always</c>/<c>batch</c>, durable) seq,
/// and wakes them the moment it moves.
/// </summary>
public sealed class CommitSignal
{
    private TaskCompletionSource _moved = NewSource();
    private long _head;

    /// <summary>The last committed seq this process knows of.</summary>
    public long Head => Interlocked.Read(ref _head);

    /// <summary>Called by the writer after each commit.</summary>
    internal void Publish(long head)
    {
        Interlocked.Exchange(ref _head, head);
        Interlocked.Exchange(ref _moved, NewSource()).TrySetResult();
    }

    /// <summary>Completes when the head moves past <paramref name="known"/>, or after <paramref name="timeout"/>.</summary>
    public async Task WaitPastAsync(long known, TimeSpan timeout, CancellationToken cancellation)
    {
        var moved = Volatile.Read(ref _moved).Task;
        if (Head > known)
        {
            return;
        }
        await Task.WhenAny(moved, Task.Delay(timeout, cancellation));
        cancellation.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
