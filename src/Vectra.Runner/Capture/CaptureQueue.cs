using System.Threading.Channels;
using Vectra.Journal.Records;

namespace Vectra.Runner.Capture;

/// <summary>
/// Records on their way from the socket handlers to the journal. Socket handlers never wait: a frame
/// that finds <see cref="Capacity"/> frames already waiting is counted as lost (and reported), never
/// silently dropped. System records are always accepted; there are few of them and each tells the
/// story of the capture.
/// </summary>
internal sealed class CaptureQueue(int capacity)
{
    private readonly Channel<QueuedRecord> _channel = Channel.CreateUnbounded<QueuedRecord>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private long _waitingFrames;
    private long _lost;

    /// <summary>How many frames may wait for the journal.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Frames waiting for the journal right now.</summary>
    public long WaitingFrames => Interlocked.Read(ref _waitingFrames);

    /// <summary>Where the journal side takes records from.</summary>
    public ChannelReader<QueuedRecord> Reader => _channel.Reader;

    /// <summary>Raised (on the socket's thread) when a frame is lost because the queue is full; the argument is the lost total not yet journaled.</summary>
    public event Action<long>? Overflowed;

    /// <summary>
    /// Queues a received frame without waiting; false when it was lost to a full queue. <paramref name="captureNamed"/>: the
    /// capture named it (<c>$cdp.sent</c>, <c>$cdp.ack</c>), so a <c>$</c> name is not a feed event to refuse.
    /// </summary>
    public bool TryAddFrame(NewRecord frame, bool captureNamed = false)
    {
        if (Interlocked.Increment(ref _waitingFrames) > Capacity)
        {
            Interlocked.Decrement(ref _waitingFrames);
            // Counted before the event is raised: with no handler, ?.Invoke would skip its argument.
            var lost = Interlocked.Increment(ref _lost);
            Overflowed?.Invoke(lost);
            return false;
        }
        if (!_channel.Writer.TryWrite(new QueuedRecord(frame, IsFrame: true, captureNamed)))
        {
            Interlocked.Decrement(ref _waitingFrames);
            return false;
        }
        return true;
    }

    /// <summary>Queues a system record; accepted unless the queue was completed.</summary>
    public bool AddSystem(NewRecord record) => _channel.Writer.TryWrite(new QueuedRecord(record, IsFrame: false));

    /// <summary>The journal side took <paramref name="frames"/> frames off the queue.</summary>
    public void Took(int frames) => Interlocked.Add(ref _waitingFrames, -frames);

    /// <summary>Frames lost since the last call, which resets the count.</summary>
    public long TakeLostCount() => Interlocked.Exchange(ref _lost, 0);

    /// <summary>No more records will come; the journal side drains what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
