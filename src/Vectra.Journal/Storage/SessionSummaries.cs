using System.Globalization;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;
using Vectra.Journal.Writing;

namespace Vectra.Journal.Storage;

/// <summary>
/// The <c>journal_sessions</c> table and the records it does not count yet. Since schema 3 the writer keeps its
/// sessions' tallies in memory and stores them with one of its commits only every <see cref="FlushRecords"/> records and
/// when it closes (a third page in every commit otherwise), recording in <c>journal_meta</c> the seq through which the
/// table counts every record (<see cref="ThroughKey"/>). A reader adds the records after that seq, rows or already
/// sealed, to the stored rows; the next writer stores them when it opens. So a crash loses no count, and every reader
/// sees every committed record in its session's summary.
/// </summary>
internal static class SessionSummaries
{
    /// <summary>The <c>journal_meta</c> key holding the seq through which <c>journal_sessions</c> counts every record.</summary>
    public const string ThroughKey = "sessions_through";

    /// <summary>How many records the writer tallies in memory before it stores the tallies with its next commit.</summary>
    public const int FlushRecords = 1024;

    private const string RowsAfter =
        "SELECT session, min(source), min(seq), max(seq), count(*), min(ts), max(ts) FROM journal WHERE seq > ?1 GROUP BY session";

    /// <summary>
    /// The seq through which <c>journal_sessions</c> counts every record; null when it counts them all (a journal written
    /// before schema 3 updated it in every commit, and a writer of schema 3 stores the key before it appends anything).
    /// </summary>
    public static long? Through(SqliteConnection connection) =>
        JournalSchema.GetMeta(connection, ThroughKey) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>Every session's summary as of the caller's read transaction: the stored rows plus the records after <see cref="Through"/>.</summary>
    public static IReadOnlyList<SessionSummary> Read(SqliteConnection connection, BlockReader? blocks)
    {
        var sessions = Stored(connection);
        if (Through(connection) is { } through)
        {
            foreach (var tally in After(connection, through, blocks).Values)
            {
                if (sessions.TryGetValue(tally.Session, out var stored))
                {
                    stored.Add(tally);
                }
                else
                {
                    sessions[tally.Session] = tally;
                }
            }
        }
        return sessions.Values
            .OrderBy(s => s.FirstSeq)
            .Select(s => new SessionSummary(s.Session, s.Source, s.FirstSeq, s.LastSeq, s.Records, s.FirstTs, s.LastTs))
            .ToList();
    }

    /// <summary>Tallies of the records after <paramref name="through"/>, by session: rows by one aggregate query, sealed ones from their blocks.</summary>
    public static Dictionary<Guid, SessionTally> After(SqliteConnection connection, long through, BlockReader? blocks)
    {
        var tallies = new Dictionary<Guid, SessionTally>();
        using (var rows = new Statement(connection, RowsAfter))
        {
            rows.Bind(1, through);
            while (rows.Step())
            {
                var session = SessionOf(rows.TextAt(0));
                tallies[session] = new SessionTally(session, rows.TextAt(1) ?? "",
                    rows.Int64At(2), rows.Int64At(3), rows.Int64At(4), rows.Int64At(5), rows.Int64At(6));
            }
        }
        if (blocks is null || through == long.MaxValue)
        {
            return tallies;
        }
        foreach (var row in blocks.SeqRange(through + 1, long.MaxValue))
        {
            var record = row.Record;
            if (tallies.TryGetValue(record.Session, out var tally))
            {
                tally.Add(record.Seq, record.Ts);
            }
            else
            {
                tallies[record.Session] = new SessionTally(record.Session, record.Source, record.Seq, record.Ts);
            }
        }
        return tallies;
    }

    private static Dictionary<Guid, SessionTally> Stored(SqliteConnection connection)
    {
        var sessions = new Dictionary<Guid, SessionTally>();
        using var rows = new Statement(connection, "SELECT session, source, first_seq, last_seq, records, first_ts, last_ts FROM journal_sessions");
        while (rows.Step())
        {
            var session = SessionOf(rows.TextAt(0));
            sessions[session] = new SessionTally(session, rows.TextAt(1) ?? "",
                rows.Int64At(2), rows.Int64At(3), rows.Int64At(4), rows.Int64At(5), rows.Int64At(6));
        }
        return sessions;
    }

    /// <summary>The session a stored text names; the empty GUID for text that is not one (as the reader always showed it).</summary>
    private static Guid SessionOf(string? text) => Guid.TryParse(text, out var session) ? session : Guid.Empty;
}
