using System.Diagnostics.Metrics;
using Vectra.Journal.Storage;
using Vectra.Projections.Runtime;
using Vectra.Runner.Serve.Caching;

namespace Vectra.Runner.Serve.Metrics;

/// <summary>
/// Gauges read from the data folder when metrics are collected: journal records (frames) and size on disk,
/// and each projection's lag and quarantined records. One reading serves every gauge of a collection
/// (it is kept for a second).
/// </summary>
/// <remarks>Failure policy: a journal or views.db that cannot be read reports no values for that collection; the scrape still answers.</remarks>
internal sealed class JournalGauges : IDisposable
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private readonly Meter _meter = new(VectraMeter.Name, VectraMeter.Version);
    private readonly string _dataDirectory;
    private readonly JournalFollower _journal;
    private readonly ViewsFollower _views;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private (long Records, long Bytes, IReadOnlyList<ProjectionState> Projections)? _reading;
    private long _readAt;

    public JournalGauges(string dataDirectory, JournalFollower journal, ViewsFollower views, TimeProvider time)
    {
        _dataDirectory = dataDirectory;
        _journal = journal;
        _views = views;
        _time = time;
        _meter.CreateObservableGauge("vectra.journal.records", () => Values(r => r.Records), "{record}", "Records (frames and system records) in the journal; equals `vectra status`.");
        _meter.CreateObservableGauge("vectra.journal.size", () => Values(r => r.Bytes), "By", "Bytes of the journal on disk, with its write-ahead log.");
        _meter.CreateObservableGauge("vectra.projection.lag", () => PerProjection(p => p.Lag), "{record}", "Journal records a projection has not applied yet.");
        _meter.CreateObservableGauge("vectra.projection.quarantined", () => PerProjection(p => p.Quarantined), "{record}", "Records a projection quarantined because its handler failed on them.");
    }

    private IEnumerable<Measurement<long>> Values(Func<(long Records, long Bytes, IReadOnlyList<ProjectionState> Projections), long> pick) =>
        Read() is { } reading ? [new Measurement<long>(pick(reading))] : [];

    private IEnumerable<Measurement<long>> PerProjection(Func<ProjectionState, long> pick) =>
        Read() is { } reading
            ? reading.Projections.Select(p => new Measurement<long>(pick(p), new KeyValuePair<string, object?>("projection", p.Name)))
            : [];

    private (long Records, long Bytes, IReadOnlyList<ProjectionState> Projections)? Read()
    {
        lock (_gate)
        {
            if (_reading is null || _time.GetElapsedTime(_readAt) > Fresh)
            {
                _reading = TryRead();
                _readAt = _time.GetTimestamp();
            }
            return _reading;
        }
    }

    private (long, long, IReadOnlyList<ProjectionState>)? TryRead()
    {
        try
        {
            var journal = _journal.Read(reader => Tuple.Create(reader.Sessions().Sum(s => s.Records), reader.Tail));
            if (journal is null)
            {
                return null;
            }
            var (records, tail) = journal;
            return (records, new JournalFiles(_dataDirectory).BytesOnDisk(), _views.ProjectionStates(tail));
        }
        catch (Exception error) when (error is IOException or Microsoft.Data.Sqlite.SqliteException or Journal.Errors.JournalException)
        {
            return null;
        }
    }

    public void Dispose() => _meter.Dispose();
}
