using System.Threading.Channels;
using Vectra.Journal.Errors;

namespace Vectra.Journal.Writing;

/// <summary>
/// Where appends and seal requests wait for the writer thread, and how much of them one commit takes:
/// everything queued up to a record and byte cap when commits are grouped, one request otherwise.
/// </summary>
internal sealed class AppendQueue
{
    private const int MaxRecordsPerCommit = 16_384;
    private const long MaxBytesPerCommit = 64L << 20;

    private readonly Channel<AppendRequest> _channel = Channel.CreateUnbounded<AppendRequest>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    // Requests added and not yet taken; counted here because a single-reader channel cannot count its items.
    private long _queued;

    /// <summary>Queues <paramref name="request"/>, or fails it with <paramref name="fault"/> (or <paramref name="closed"/>) once the queue is closed.</summary>
    public Task<SeqRange> Add(AppendRequest request, JournalFaultedException? fault, string closed)
    {
        Interlocked.Increment(ref _queued);
        if (!_channel.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref _queued);
            request.TrySetException(fault ?? new JournalFaultedException(closed));
        }
        return request.Task;
    }

    /// <summary>Whether nothing is waiting (only the writer takes requests, under its commit gate).</summary>
    public bool IsEmpty => Interlocked.Read(ref _queued) == 0;

    /// <summary>Waits until a request is queued; false once the queue is closed and empty.</summary>
    public bool WaitForWork()
    {
        var ready = _channel.Reader.WaitToReadAsync();
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Takes what one commit may carry into the empty <paramref name="batch"/>, after <see cref="WaitForWork"/> said a request is queued.</summary>
    public void TakeBatch(List<AppendRequest> batch, bool groupCommits)
    {
        if (!_channel.Reader.TryRead(out var first))
        {
            throw new InvalidOperationException("TakeBatch called with nothing queued.");
        }
        batch.Add(first);
        if (!groupCommits)
        {
            Interlocked.Decrement(ref _queued);
            return;
        }
        long records = first.Records.Count, bytes = first.ByteCount;
        while (records < MaxRecordsPerCommit && bytes < MaxBytesPerCommit && _channel.Reader.TryRead(out var more))
        {
            batch.Add(more);
            records += more.Records.Count;
            bytes += more.ByteCount;
        }
        Interlocked.Add(ref _queued, -batch.Count);
    }

    /// <summary>Takes no more requests; what is queued is still taken.</summary>
    public void Close() => _channel.Writer.TryComplete();

    /// <summary>Takes no more requests and fails every one still queued with <paramref name="fault"/>.</summary>
    public void Fail(JournalFaultedException fault)
    {
        _channel.Writer.TryComplete(fault);
        while (_channel.Reader.TryRead(out var pending))
        {
            pending.TrySetException(fault);
        }
    }
}
