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

    /// <summary>Queues <paramref name="request"/>, or fails it with <paramref name="fault"/> (or <paramref name="closed"/>) once the queue is closed.</summary>
    public Task<SeqRange> Add(AppendRequest request, JournalFaultedException? fault, string closed)
    {
        if (!_channel.Writer.TryWrite(request))
        {
            request.TrySetException(fault ?? new JournalFaultedException(closed));
        }
        return request.Task;
    }

    /// <summary>Waits for work, then takes what one commit may carry; false once the queue is closed and empty.</summary>
    public bool TakeBatch(List<AppendRequest> batch, bool groupCommits)
    {
        AppendRequest? first;
        while (!_channel.Reader.TryRead(out first))
        {
            if (!_channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return false;
            }
        }
        batch.Add(first);
        if (!groupCommits)
        {
            return true;
        }
        long records = first.Records.Count, bytes = first.ByteCount;
        while (records < MaxRecordsPerCommit && bytes < MaxBytesPerCommit && _channel.Reader.TryRead(out var more))
        {
            batch.Add(more);
            records += more.Records.Count;
            bytes += more.ByteCount;
        }
        return true;
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
