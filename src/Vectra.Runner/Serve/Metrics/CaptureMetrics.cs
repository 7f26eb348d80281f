using System.Diagnostics.Metrics;

namespace Vectra.Runner.Serve.Metrics;

/// <summary>
/// The capture's instruments: frames and bytes received, journal appends, commit latency, reconnects,
/// queue depth and blind time. Fed by <see cref="CaptureMetricsObserver"/> from each durable batch, and
/// the two gauges from the capture's queue and connection state; exported where a dashboard runs in the
/// capturing process (<c>capture --serve</c>).
/// </summary>
internal static class CaptureMetrics
{
    private static readonly Meter Meter = new(VectraMeter.Name, VectraMeter.Version);
    private static readonly Counter<long> Frames = Meter.CreateCounter<long>("vectra.capture.frames", "{frame}", "Socket.IO frames received from the feed and journaled (frames lost to a full queue are vectra_capture_lost).");
    private static readonly Counter<long> Bytes = Meter.CreateCounter<long>("vectra.capture.received", "By", "Bytes of frame arguments received from the feed and journaled.");
    private static readonly Counter<long> Appends = Meter.CreateCounter<long>("vectra.journal.appends", "{record}", "Records appended to the journal and made durable.");
    private static readonly Histogram<double> CommitLatency = Meter.CreateHistogram<double>("vectra.journal.commit.duration", "s", "Time from receiving a frame to its record being durable.");
    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("vectra.capture.reconnects", "{attempt}", "Connection attempts after a loss.");
    private static Func<int>? s_queueDepth;
    private static Func<TimeSpan>? s_blind;

    static CaptureMetrics()
    {
        Meter.CreateObservableGauge("vectra.capture.queue.depth", () => s_queueDepth?.Invoke() ?? 0, "{frame}", "Frames received and waiting to be journaled.");
        Meter.CreateObservableGauge("vectra.capture.blind", () => s_blind?.Invoke().TotalSeconds ?? 0, "s", "Time this capture has had no open connection.");
    }

    /// <summary>Where the two gauges read from: the running capture's queue and connection state.</summary>
    public static void Observe(Func<int> queueDepth, Func<TimeSpan> blind)
    {
        s_queueDepth = queueDepth;
        s_blind = blind;
    }

    public static void FrameReceived(int argsBytes)
    {
        Frames.Add(1);
        Bytes.Add(argsBytes);
    }

    public static void Appended(int records) => Appends.Add(records);

    public static void Durable(TimeSpan receiveToDurable) => CommitLatency.Record(receiveToDurable.TotalSeconds);

    public static void Reconnecting() => Reconnects.Add(1);
}
