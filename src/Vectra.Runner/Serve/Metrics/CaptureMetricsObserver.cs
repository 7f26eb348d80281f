using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Serve.Metrics;

/// <summary>
/// Records the capture's counters from each durable batch: frames and their bytes, appends, reconnect
/// attempts (<c>$connection.retry</c>), and each frame's time from receipt (<c>meta_ts</c>) to durable.
/// </summary>
internal sealed class CaptureMetricsObserver(TimeProvider time) : IDurableRecordsObserver
{
    public void OnDurable(IReadOnlyList<NewRecord> records, SeqRange seqs)
    {
        var now = MetaTime.FromDateTimeOffset(time.GetUtcNow());
        foreach (var record in records)
        {
            if (record.Event == SystemEvents.ConnectionRetry)
            {
                CaptureMetrics.Reconnecting();
            }
            else if (!SystemEvents.IsSystem(record.Event))
            {
                CaptureMetrics.FrameReceived(record.Args.Length);
                CaptureMetrics.Durable(TimeSpan.FromMicroseconds(Math.Max(0, now - record.Ts)));
            }
        }
        CaptureMetrics.Appended(records.Count);
    }
}
