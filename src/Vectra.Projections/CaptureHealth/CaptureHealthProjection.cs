using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.CaptureHealth;

/// <summary>
/// Capture health from the journal's system records: <c>capture_sessions</c>, <c>capture_connections</c>
/// and <c>capture_gaps</c>, the intervals when the capture was blind (no open connection while a session
/// ran) and why. A reader of these tables can tell when the capture missed the feed without guessing.
/// </summary>
/// <remarks>
/// Blind intervals: from a session's start to its first open ("connecting"); from a close to the next
/// open (the close's reason); and when a session starts while the previous one never stopped (it was
/// killed), from the previous session's last record to the new session's first open. "Previous" is of the same
/// <c>meta_source</c>: a mirror holds several runners' sessions at once (<c>mirror:&lt;runner&gt;</c>).
/// </remarks>
public sealed class CaptureHealthProjection : IRecordProjection
{
    private const string KilledReason = "capture process ended without $session.stop";

    private readonly Dictionary<Guid, CaptureSessionState> _sessions = [];

    /// <inheritdoc/>
    public string Name => "capture";

    /// <inheritdoc/>
    public int Version => 2;

    /// <inheritdoc/>
    public void Create(ViewsTransaction views) => views.Execute(CaptureHealthTables.Create);

    /// <inheritdoc/>
    public void Drop(ViewsTransaction views)
    {
        views.Execute(CaptureHealthTables.Drop);
        Forget();
    }

    /// <inheritdoc/>
    public void Apply(JournalRecord record, ViewsTransaction views)
    {
        var lifecycle = SystemEvents.IsLifecycle(record.Event);
        if (!lifecycle && !_sessions.ContainsKey(record.Session))
        {
            return; // Other records only move a known session's last record; a session shows up through its lifecycle records.
        }
        var session = Session(views, record);
        session.LastSeq = Math.Max(session.LastSeq, record.Seq);
        session.LastTs = Math.Max(session.LastTs, record.Ts);
        session.Dirty = true;
        switch (record.Event)
        {
            case SystemEvents.SessionStart:
                Started(views, session, record);
                break;
            case SystemEvents.ConnectionOpen:
                EndBlind(views, session, record.Ts);
                session.Connected = true;
                CaptureHealthTables.Opened(views, record.Session, record.Conn, record.Ts, Text(record, "url"), Text(record, "sid"));
                break;
            case SystemEvents.ConnectionClose:
                session.Connected = false;
                var reason = Text(record, "reason") ?? "closed";
                session.BlindSince ??= record.Ts;
                session.BlindReason ??= reason;
                CaptureHealthTables.Closed(views, record.Session, record.Conn, record.Ts, reason);
                break;
            case SystemEvents.SessionStop:
                EndBlind(views, session, record.Ts);
                session.StoppedAt = record.Ts;
                session.Clean = Bool(record, "clean") ?? false;
                session.Connected = false;
                break;
        }
    }

    private void Started(ViewsTransaction views, CaptureSessionState session, JournalRecord record)
    {
        session.StartedAt ??= record.Ts;
        if (CaptureHealthTables.Running(views, session.Source) is { } previousId && previousId != session.Session)
        {
            var previous = _sessions.TryGetValue(previousId, out var cached) ? cached : CaptureHealthTables.Load(views, previousId);
            if (previous is not null && previous.Running)
            {
                // A new start while the previous session never stopped: it was killed.
                previous.Clean = false;
                previous.Dirty = true;
                _sessions[previous.Session] = previous;
                session.BlindSince = previous.Connected ? previous.LastTs : previous.BlindSince ?? previous.LastTs;
                session.BlindReason = KilledReason;
                CaptureHealthTables.Save(views, previous);
            }
        }
        session.BlindSince ??= record.Ts;
        session.BlindReason ??= "connecting";
        CaptureHealthTables.Save(views, session);
    }

    private static void EndBlind(ViewsTransaction views, CaptureSessionState session, long at)
    {
        if (session.BlindSince is { } since)
        {
            CaptureHealthTables.Gap(views, session.Session, since, at, session.BlindReason ?? "unknown");
            session.BlindSince = null;
            session.BlindReason = null;
        }
    }

    /// <inheritdoc/>
    public void Flush(ViewsTransaction views)
    {
        foreach (var session in _sessions.Values.Where(s => s.Dirty))
        {
            CaptureHealthTables.Save(views, session);
            session.Dirty = false;
        }
    }

    /// <inheritdoc/>
    public void Forget() => _sessions.Clear();

    private CaptureSessionState Session(ViewsTransaction views, JournalRecord record)
    {
        if (!_sessions.TryGetValue(record.Session, out var session))
        {
            session = CaptureHealthTables.Load(views, record.Session) ?? new CaptureSessionState(record.Session) { Source = record.Source };
            _sessions[record.Session] = session;
        }
        session.FirstSeq = Math.Min(session.FirstSeq, record.Seq);
        return session;
    }

    private static string? Text(JournalRecord record, string name) =>
        FirstArgument(record, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool? Bool(JournalRecord record, string name) =>
        FirstArgument(record, name) is { } value ? value.ValueKind == JsonValueKind.True : null;

    private static JsonElement? FirstArgument(JournalRecord record, string name)
    {
        using var document = JsonDocument.Parse(record.Args);
        var args = document.RootElement;
        return args.ValueKind == JsonValueKind.Array && args.GetArrayLength() > 0 && args[0].ValueKind == JsonValueKind.Object
            && args[0].TryGetProperty(name, out var value) ? value.Clone() : null;
    }
}
