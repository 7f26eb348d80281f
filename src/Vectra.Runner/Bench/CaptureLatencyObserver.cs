using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Bench;

/// <summary>For the capture benchmark: receive→durable latency of every frame (meta_ts to the moment its batch is durable), and when the last one became durable.</summary>
internal sealed class CaptureLatencyObserver(int frames, TimeProvider time) : IDurableRecordsObserver
{
    private readonly long[] _micros = new long[frames];
    private int _count;
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long FirstReceivedMicros { get; private set; }

    /// <summary>The newest receive time seen (frames are journaled in receive order).</summary>
    public long LastReceivedMicros { get; private set; }

    /// <summary>When the last expected frame became durable (later records, such as the stop's own, do not move it).</summary>
    public long LastDurableMicros { get; private set; }

    public int Count => _count;

    /// <summary>Completes when every expected frame is durable.</summary>
    public Task AllDurable => _all.Task;

    public void OnDurable(IReadOnlyList<NewRecord> records, SeqRange seqs)
    {
        var now = MetaTime.FromDateTimeOffset(time.GetUtcNow());
        var counted = _count;
        foreach (var record in records)
        {
            if (record.Event.StartsWith('$') || _count >= _micros.Length)
            {
                continue;
            }
            if (_count == 0)
            {
                FirstReceivedMicros = record.Ts;
            }
            LastReceivedMicros = Math.Max(LastReceivedMicros, record.Ts);
            _micros[_count++] = now - record.Ts;
        }
        // Only frames end the timed window: the session's own records when the capture stops come later, and
        // counting them would stretch the window by however long the stop took.
        if (_count > counted)
        {
            LastDurableMicros = now;
        }
        if (_count == _micros.Length)
        {
            _all.TrySetResult();
        }
    }

    public double PercentileMs(double p)
    {
        if (_count == 0)
        {
            return 0;
        }
        var sorted = _micros.AsSpan(0, _count).ToArray();
        Array.Sort(sorted);
        return sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)] / 1000.0;
    }
}
