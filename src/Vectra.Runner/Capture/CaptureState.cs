using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary>
/// What the progress line shows, updated from the socket and journal sides: frames received, the
/// last durable seq, the open connection, and how long the capture has been blind in this run.
/// </summary>
internal sealed class CaptureState(TimeProvider time) : IDurableRecordsObserver
{
    private readonly object _gate = new();
    private long _framesReceived;
    private long _lastDurableSeq;
    private long _lost;
    private int _openConnection;
    private long _blindSinceTimestamp = time.GetTimestamp();
    private TimeSpan _blindBefore = TimeSpan.Zero;

    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    public long LastDurableSeq => Interlocked.Read(ref _lastDurableSeq);

    public long Lost => Interlocked.Read(ref _lost);

    public void FrameReceived() => Interlocked.Increment(ref _framesReceived);

    public void FrameLost() => Interlocked.Increment(ref _lost);

    public void OnDurable(IReadOnlyList<NewRecord> records, SeqRange seqs) => Interlocked.Exchange(ref _lastDurableSeq, seqs.Last);

    public void Opened(int conn)
    {
        lock (_gate)
        {
            _blindBefore += time.GetElapsedTime(_blindSinceTimestamp);
            _openConnection = conn;
        }
    }

    public void Closed()
    {
        lock (_gate)
        {
            _openConnection = 0;
            _blindSinceTimestamp = time.GetTimestamp();
        }
    }

    /// <summary>The open connection's number (0 when none is open) and the blind time so far.</summary>
    public (int OpenConnection, TimeSpan Blind) Connection()
    {
        lock (_gate)
        {
            return _openConnection != 0
                ? (_openConnection, _blindBefore)
                : (0, _blindBefore + time.GetElapsedTime(_blindSinceTimestamp));
        }
    }
}
