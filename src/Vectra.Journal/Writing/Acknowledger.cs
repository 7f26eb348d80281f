namespace Vectra.Journal.Writing;

/// <summary>
/// Completes a durable commit's requests with their seqs. A grouped commit's hundreds of requests are completed on one
/// thread-pool thread, not by the committer: each completion queues its awaiter's continuation, which from the
/// writer thread (not a pool thread) goes through the pool's shared queue and may wake a worker, and the writer
/// thread is what every append waits for.
/// </summary>
internal sealed class Acknowledger
{
    // A commit with this many requests or fewer completes them at once: a hop to the pool would only delay them.
    private const int CompletedDirectlyUpTo = 4;

    private long _outstanding;

    /// <summary>Completes every request of <paramref name="accepted"/> with its range, now or soon on the thread pool.</summary>
    public void Acknowledge(IReadOnlyList<(AppendRequest Request, SeqRange Range)> accepted)
    {
        if (accepted.Count <= CompletedDirectlyUpTo)
        {
            foreach (var (request, range) in accepted)
            {
                request.TrySetResult(range);
            }
            return;
        }
        Interlocked.Increment(ref _outstanding);
        ThreadPool.UnsafeQueueUserWorkItem(new Completion([.. accepted], this), preferLocal: false);
    }

    /// <summary>Waits until every request handed to the pool is completed (the writer closing).</summary>
    public void WaitForAll() => SpinWait.SpinUntil(() => Interlocked.Read(ref _outstanding) == 0);

    private sealed class Completion((AppendRequest Request, SeqRange Range)[] accepted, Acknowledger owner) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                foreach (var (request, range) in accepted)
                {
                    request.TrySetResult(range);
                }
            }
            finally
            {
                Interlocked.Decrement(ref owner._outstanding);
            }
        }
    }
}
