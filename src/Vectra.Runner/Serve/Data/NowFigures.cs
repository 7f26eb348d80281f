using Vectra.Journal.Reading;
using Vectra.Journal.Storage;
using Vectra.Projections.Runtime;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Serve.Data;

/// <summary>The Now page's figures: the journal, the capture's health, each projection, and the last trades.</summary>
internal sealed record NowFigures(
    bool JournalExists,
    long Records,
    long Tail,
    long? LastTs,
    long BytesOnDisk,
    CaptureHistory? History,
    RunningCapture? Running,
    IReadOnlyList<ProjectionState> Projections,
    IReadOnlyList<TradeMark> LastTrades,
    bool ViewsExist)
{
    private const int TradesShown = 12;

    /// <summary>Reads everything from <paramref name="dataDirectory"/>, read-only; a missing file leaves its part empty.</summary>
    public static NowFigures Read(string dataDirectory)
    {
        var files = new JournalFiles(dataDirectory);
        long records = 0, tail = 0, bytes = 0;
        long? lastTs = null;
        CaptureHistory? history = null;
        if (files.Exists)
        {
            using var reader = JournalReader.Open(dataDirectory);
            var sessions = reader.Sessions();
            records = sessions.Sum(s => s.Records);
            tail = reader.Tail;
            lastTs = tail == 0 ? null : reader.ReadOne(tail)?.Ts;
            bytes = files.BytesOnDisk();
            var lastOfSession = sessions.ToDictionary(s => s.Session, s => s.LastTs);
            history = CaptureHistory.From(reader.ReadSystemRecords(), session => lastOfSession.TryGetValue(session, out var ts) ? ts : null);
        }
        using var views = ViewsConnection.TryOpen(dataDirectory);
        var projections = views is null ? [] : ProjectionStates.Read(dataDirectory, tail);
        var trades = new List<TradeMark>();
        RunningCapture? running = null;
        if (views is not null && views.HasTable("trades"))
        {
            views.Query($"SELECT type, tick, price, forced, username, amount FROM trades ORDER BY rowid DESC LIMIT {TradesShown}",
                r => trades.Add(new TradeMark(r.Text(0), r.Int32(1), r.Double(2), r.GetInt64(3) != 0, r.Text(4), r.Double(5))));
        }
        if (views is not null && views.HasTable("capture_sessions"))
        {
            views.Query(
                "SELECT session, started_at, connected, blind_since FROM capture_sessions WHERE started_at IS NOT NULL AND stopped_at IS NULL AND clean IS NULL ORDER BY first_seq DESC LIMIT 1",
                r => running = new RunningCapture(r.GetString(0), r.GetInt64(1), r.GetInt64(2) == 1, r.Int64(3)));
        }
        return new NowFigures(files.Exists, records, tail, lastTs, bytes, history, running, projections, trades, views is not null);
    }
}

/// <summary>The newest capture session that has not stopped, as the capture projection last saw it.</summary>
internal sealed record RunningCapture(string Session, long StartedAt, bool Connected, long? BlindSince);
