using Vectra.Projections.Runtime;

namespace Vectra.Projections.CaptureHealth;

/// <summary>The capture-health tables: sessions, connections and blind intervals.</summary>
internal static class CaptureHealthTables
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS capture_sessions (
            session      TEXT PRIMARY KEY,
            source       TEXT NOT NULL,
            started_at   INTEGER,
            stopped_at   INTEGER,
            clean        INTEGER,
            first_seq    INTEGER NOT NULL,
            last_seq     INTEGER NOT NULL,
            last_ts      INTEGER NOT NULL,
            connected    INTEGER NOT NULL,
            blind_since  INTEGER,
            blind_reason TEXT
        );
        CREATE TABLE IF NOT EXISTS capture_connections (
            session      TEXT    NOT NULL,
            conn         INTEGER NOT NULL,
            opened_at    INTEGER,
            closed_at    INTEGER,
            close_reason TEXT,
            url          TEXT,
            sid          TEXT,
            PRIMARY KEY (session, conn)
        );
        CREATE TABLE IF NOT EXISTS capture_gaps (
            session  TEXT    NOT NULL,
            from_ts  INTEGER NOT NULL,
            to_ts    INTEGER NOT NULL,
            micros   INTEGER NOT NULL,
            reason   TEXT    NOT NULL,
            PRIMARY KEY (session, from_ts)
        );
        """;

    public const string Drop = "DROP TABLE IF EXISTS capture_sessions; DROP TABLE IF EXISTS capture_connections; DROP TABLE IF EXISTS capture_gaps;";

    public static CaptureSessionState? Load(ViewsTransaction views, Guid session)
    {
        CaptureSessionState? state = null;
        views.Query(
            "SELECT source, started_at, stopped_at, clean, first_seq, last_seq, last_ts, connected, blind_since, blind_reason FROM capture_sessions WHERE session = $s",
            r => state = new CaptureSessionState(session)
            {
                Source = r.GetString(0),
                StartedAt = r.IsDBNull(1) ? null : r.GetInt64(1),
                StoppedAt = r.IsDBNull(2) ? null : r.GetInt64(2),
                Clean = r.IsDBNull(3) ? null : r.GetInt64(3) == 1,
                FirstSeq = r.GetInt64(4),
                LastSeq = r.GetInt64(5),
                LastTs = r.GetInt64(6),
                Connected = r.GetInt64(7) == 1,
                BlindSince = r.IsDBNull(8) ? null : r.GetInt64(8),
                BlindReason = r.IsDBNull(9) ? null : r.GetString(9),
            },
            ("$s", session.ToString()));
        return state;
    }

    /// <summary>
    /// The session of <paramref name="source"/> most recently started and not stopped, which a new start of the same
    /// source proves was killed. Scoped by source because a mirror interleaves the sessions of several runners.
    /// </summary>
    public static Guid? Running(ViewsTransaction views, string source) =>
        views.Scalar("SELECT session FROM capture_sessions WHERE source = $source AND started_at IS NOT NULL AND stopped_at IS NULL AND clean IS NULL ORDER BY first_seq DESC LIMIT 1", ("$source", source)) is string text
            ? Guid.Parse(text) : null;

    public static void Save(ViewsTransaction views, CaptureSessionState s) =>
        views.Execute("""
            INSERT OR REPLACE INTO capture_sessions (session, source, started_at, stopped_at, clean, first_seq, last_seq, last_ts, connected, blind_since, blind_reason)
            VALUES ($s, $source, $started, $stopped, $clean, $first, $last, $last_ts, $connected, $blind, $reason)
            """,
            ("$s", s.Session.ToString()), ("$source", s.Source), ("$started", s.StartedAt), ("$stopped", s.StoppedAt),
            ("$clean", s.Clean is null ? null : s.Clean.Value ? 1 : 0), ("$first", s.FirstSeq), ("$last", s.LastSeq), ("$last_ts", s.LastTs),
            ("$connected", s.Connected ? 1 : 0), ("$blind", s.BlindSince), ("$reason", s.BlindReason));

    public static void Opened(ViewsTransaction views, Guid session, int conn, long ts, string? url, string? sid) =>
        views.Execute(
            "INSERT OR IGNORE INTO capture_connections (session, conn, opened_at, url, sid) VALUES ($s, $c, $at, $url, $sid)",
            ("$s", session.ToString()), ("$c", conn), ("$at", ts), ("$url", url), ("$sid", sid));

    public static void Closed(ViewsTransaction views, Guid session, int conn, long ts, string? reason)
    {
        views.Execute(
            "INSERT OR IGNORE INTO capture_connections (session, conn) VALUES ($s, $c)",
            ("$s", session.ToString()), ("$c", conn));
        views.Execute(
            "UPDATE capture_connections SET closed_at = coalesce(closed_at, $at), close_reason = coalesce(close_reason, $reason) WHERE session = $s AND conn = $c",
            ("$at", ts), ("$reason", reason), ("$s", session.ToString()), ("$c", conn));
    }

    public static void Gap(ViewsTransaction views, Guid session, long from, long to, string reason) =>
        views.Execute(
            "INSERT OR IGNORE INTO capture_gaps (session, from_ts, to_ts, micros, reason) VALUES ($s, $from, $to, $micros, $reason)",
            ("$s", session.ToString()), ("$from", from), ("$to", to), ("$micros", Math.Max(0, to - from)), ("$reason", reason));
}
