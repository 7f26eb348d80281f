using Microsoft.Data.Sqlite;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.CaptureHealth;

/// <summary>
/// Gap accounting across runners, from the capture-health tables: each runner's health, and the time during which no
/// runner had an open connection (the only true gaps of a mirror), counted from the first connection any runner opened
/// to the end of the last one (stopping every runner is the capture's end, not a gap). A connection never closed (its runner was killed) ends at its session's last record.
/// </summary>
public sealed record RunnerCoverage(IReadOnlyList<RunnerHealth> Runners, long UncoveredMicros, IReadOnlyList<(long From, long To)> Uncovered)
{
    /// <summary>The coverage in the views.db of <paramref name="dataDirectory"/>; null when no capture was projected there.</summary>
    public static RunnerCoverage? Read(string dataDirectory)
    {
        if (!File.Exists(new ViewsFiles(dataDirectory).Database))
        {
            return null;
        }
        using var connection = ViewsDatabase.OpenReadOnly(dataDirectory);
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'capture_connections'";
        return (long)exists.ExecuteScalar()! == 0 ? null : Read(connection);
    }

    private static RunnerCoverage Read(SqliteConnection connection)
    {
        var runners = Rows(connection, """
            SELECT s.source, count(*),
                   (SELECT count(*) FROM capture_connections c JOIN capture_sessions t ON t.session = c.session WHERE t.source = s.source AND c.opened_at IS NOT NULL),
                   (SELECT coalesce(sum(g.micros), 0) FROM capture_gaps g JOIN capture_sessions t ON t.session = g.session WHERE t.source = s.source)
            FROM capture_sessions s WHERE s.started_at IS NOT NULL GROUP BY s.source ORDER BY s.source
            """, r => new RunnerHealth(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt64(3)));
        var intervals = Rows(connection, """
            SELECT c.opened_at, coalesce(c.closed_at, s.stopped_at, s.last_ts)
            FROM capture_connections c JOIN capture_sessions s ON s.session = c.session
            WHERE c.opened_at IS NOT NULL ORDER BY c.opened_at
            """, r => (From: r.GetInt64(0), To: r.GetInt64(1)));
        var uncovered = new List<(long From, long To)>();
        if (intervals.Count > 0)
        {
            var coveredUntil = intervals[0].From;
            foreach (var (from, to) in intervals)
            {
                if (from > coveredUntil)
                {
                    uncovered.Add((coveredUntil, from));
                }
                coveredUntil = Math.Max(coveredUntil, to);
            }
        }
        return new RunnerCoverage(runners, uncovered.Sum(u => u.To - u.From), uncovered);
    }

    private static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    }
}
