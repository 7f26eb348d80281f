using Vectra.Journal.Storage;
using Vectra.Projections.Runtime;
using Vectra.Runner.Capture;
using Vectra.Runner.Serve.Caching;

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

    /// <summary>
    /// Reads everything from <paramref name="dataDirectory"/>, read-only, through the dashboard's kept-open journal reader
    /// and views connection; a missing file leaves its part empty.
    /// </summary>
    public static NowFigures Read(string dataDirectory, JournalFollower journal, ViewsFollower views)
    {
        var files = new JournalFiles(dataDirectory);
        var fromJournal = journal.Read(reader =>
        {
            var sessions = reader.Sessions();
            var tail = reader.Tail;
            var lastOfSession = sessions.ToDictionary(s => s.Session, s => s.LastTs);
            return new JournalPart(
                sessions.Sum(s => s.Records), tail, tail == 0 ? null : reader.ReadOne(tail)?.Ts,
                CaptureHistory.From(reader.ReadSystemRecords(), session => lastOfSession.TryGetValue(session, out var ts) ? ts : null));
        });
        var bytes = fromJournal is null ? 0 : files.BytesOnDisk();
        var fromViews = views.Read(connection => ReadViews(connection, fromJournal?.Tail ?? 0));
        return new NowFigures(fromJournal is not null, fromJournal?.Records ?? 0, fromJournal?.Tail ?? 0, fromJournal?.LastTs, bytes, fromJournal?.History,
            fromViews?.Running, fromViews?.Projections ?? [], fromViews?.Trades ?? [], fromViews is not null);
    }

    private static ViewsPart ReadViews(ViewsConnection views, long journalTail)
    {
        var trades = new List<TradeMark>();
        RunningCapture? running = null;
        if (views.HasTable("trades"))
        {
            views.Query($"SELECT type, tick, price, forced, username, amount FROM trades ORDER BY rowid DESC LIMIT {TradesShown}",
                r => trades.Add(new TradeMark(r.Text(0), r.Int32(1), r.Double(2), r.GetInt64(3) != 0, r.Text(4), r.Double(5))));
        }
        if (views.HasTable("capture_sessions"))
        {
            views.Query(
                "SELECT session, started_at, connected, blind_since FROM capture_sessions WHERE started_at IS NOT NULL AND stopped_at IS NULL AND clean IS NULL ORDER BY first_seq DESC LIMIT 1",
                r => running = new RunningCapture(r.GetString(0), r.GetInt64(1), r.GetInt64(2) == 1, r.Int64(3)));
        }
        return new ViewsPart(trades, running, views.ProjectionStates(journalTail));
    }

    private sealed record JournalPart(long Records, long Tail, long? LastTs, CaptureHistory History);

    private sealed record ViewsPart(IReadOnlyList<TradeMark> Trades, RunningCapture? Running, IReadOnlyList<ProjectionState> Projections);
}

/// <summary>The newest capture session that has not stopped, as the capture projection last saw it.</summary>
internal sealed record RunningCapture(string Session, long StartedAt, bool Connected, long? BlindSince);
