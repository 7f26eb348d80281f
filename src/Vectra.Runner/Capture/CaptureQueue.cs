using System.Threading.Channels;
using Vectra.Journal.Records;

namespace Vectra.Runner.Capture;

/// <summary>
/// Records on their way from the socket handlers to the journal. Socket handlers never wait: a frame
/// that finds <see cref="Capacity"/> frames already waiting is counted as lost (and reported), never
/// silently dropped. System records are always accepted; there are few of them and each tells the
/// story of the capture. The socket holds back instead while the frames waiting hold
/// <see cref="ByteBudget"/> bytes of args (<see cref="HasRoom"/>): it reads its next message only when
/// there is room, so at full speed the feed waits in the network's buffers rather than in memory.
/// </summary>
internal sealed class CaptureQueue(int capacity, long byteBudget = CaptureQueue.DefaultByteBudget)
{
    /// <summary>
    /// The default <see cref="ByteBudget"/>: 8 MiB, a fifth of a second of a saturated capture and minutes of the live feed.
    /// Bounded by frames alone, the queue held up to 9,665 frames (about 45 MB) in a two-minute full-speed capture with
    /// live projections, and could hold 100,000 (over 400 MB of 4 KB frames) behind a stalled disk (BENCHMARKS.md, "capture memory").
    /// </summary>
    public const long DefaultByteBudget = 8L << 20;

    private readonly Channel<QueuedRecord> _channel = Channel.CreateUnbounded<QueuedRecord>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private long _waitingFrames;
    private long _waitingBytes;
    private long _lost;

    /// <summary>How many frames may wait for the journal.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Frames waiting for the journal right now.</summary>
    public long WaitingFrames => Interlocked.Read(ref _waitingFrames);

    /// <summary>How many bytes of args the waiting frames may hold before the socket holds back.</summary>
    public long ByteBudget { get; } = byteBudget;

    /// <summary>Bytes of args the waiting frames hold right now.</summary>
    public long WaitingBytes => Interlocked.Read(ref _waitingBytes);

    /// <summary>Whether a socket may read its next message: false while the waiting frames hold <see cref="ByteBudget"/> bytes or more.</summary>
    public bool HasRoom => WaitingBytes < ByteBudget;

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
        Interlocked.Add(ref _waitingBytes, frame.Args.Length);
        if (!_channel.Writer.TryWrite(new QueuedRecord(frame, IsFrame: true, captureNamed)))
        {
            Interlocked.Decrement(ref _waitingFrames);
            Interlocked.Add(ref _waitingBytes, -frame.Args.Length);
            return false;
        }
        return true;
    }

    /// <summary>Queues a system record; accepted unless the queue was completed.</summary>
    public bool AddSystem(NewRecord record) => _channel.Writer.TryWrite(new QueuedRecord(record, IsFrame: false));

    /// <summary>The journal side took <paramref name="frames"/> frames holding <paramref name="bytes"/> bytes of args off the queue.</summary>
    public void Took(int frames, long bytes)
    {
        Interlocked.Add(ref _waitingFrames, -frames);
        Interlocked.Add(ref _waitingBytes, -bytes);
    }

    /// <summary>Frames lost since the last call, which resets the count.</summary>
    public long TakeLostCount() => Interlocked.Exchange(ref _lost, 0);

    /// <summary>No more records will come; the journal side drains what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
