using System.Globalization;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>
/// The writer's side of <see cref="SessionSummaries"/>: tallies every appended record in memory and adds the tallies
/// to <c>journal_sessions</c>, with the seq they count through, inside one of the writer's commits once
/// <see cref="SessionSummaries.FlushRecords"/> records are waiting, and when the writer closes. When a writer opens, it
/// first stores what the last one had not (<see cref="CatchUp"/>).
/// </summary>
internal sealed class SessionSummaryWriter(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<Guid, SessionTally> _tallies = [];
    private readonly byte[] _sessionText = new byte[SessionText.Length];
    private readonly Statement _upsert = new(connection, """
        INSERT INTO journal_sessions (session, source, first_seq, last_seq, records, first_ts, last_ts)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT (session) DO UPDATE SET
            first_seq = min(first_seq, excluded.first_seq),
            last_seq  = max(last_seq, excluded.last_seq),
            records   = records + excluded.records,
            first_ts  = min(first_ts, excluded.first_ts),
            last_ts   = max(last_ts, excluded.last_ts)
        """);
    private readonly Statement _through = new(connection,
        $"INSERT INTO journal_meta (key, value) VALUES ('{SessionSummaries.ThroughKey}', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    private long _waiting;

    /// <summary>Whether tallied records are not stored yet.</summary>
    public bool HasWaiting => _waiting > 0;

    /// <summary>
    /// Stores the tallies of the records after the stored seq (left by a writer that was killed, or that stored them
    /// lazily) and records that the table now counts through <paramref name="tail"/>; in its own transaction.
    /// </summary>
    public static void CatchUp(SqliteConnection connection, long tail, ChecksumScheme scheme)
    {
        using var summaries = new SessionSummaryWriter(connection);
        connection.Execute("BEGIN IMMEDIATE");
        try
        {
            if (SessionSummaries.Through(connection) is { } through && through < tail)
            {
                using var blocks = new BlockReader(connection, new Utf8TextCache(), () => scheme, () => false, error => error);
                foreach (var tally in SessionSummaries.After(connection, through, blocks).Values)
                {
                    summaries._tallies[tally.Session] = tally;
                }
            }
            summaries.Store(tail);
            connection.Execute("COMMIT");
        }
        catch
        {
            connection.Execute("ROLLBACK");
            throw;
        }
    }

    /// <summary>Counts <paramref name="record"/>, stored at <paramref name="seq"/> in the open transaction, in its session's tally.</summary>
    public void Tally(NewRecord record, long seq)
    {
        if (_tallies.TryGetValue(record.Session, out var tally))
        {
            tally.Add(seq, record.Ts);
        }
        else
        {
            _tallies[record.Session] = new SessionTally(record.Session, record.Source, seq, record.Ts);
        }
        _waiting++;
    }

    /// <summary>Stores the tallies inside the open transaction when enough records wait; <paramref name="lastSeq"/> is the transaction's last seq.</summary>
    public void StoreIfDue(long lastSeq)
    {
        if (_waiting >= SessionSummaries.FlushRecords)
        {
            Store(lastSeq);
        }
    }

    /// <summary>Adds every tally to its session's row and records that the rows count through <paramref name="lastSeq"/>, inside the open transaction.</summary>
    public void Store(long lastSeq)
    {
        foreach (var tally in _tallies.Values)
        {
            SessionText.Write(tally.Session, _sessionText);
            _upsert.BindText(1, _sessionText);
            _upsert.Bind(2, tally.Source);
            _upsert.Bind(3, tally.FirstSeq);
            _upsert.Bind(4, tally.LastSeq);
            _upsert.Bind(5, tally.Records);
            _upsert.Bind(6, tally.FirstTs);
            _upsert.Bind(7, tally.LastTs);
            _upsert.Execute();
        }
        _through.Bind(1, lastSeq.ToString(CultureInfo.InvariantCulture));
        _through.Execute();
        _tallies.Clear();
        _waiting = 0;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _upsert.Dispose();
        _through.Dispose();
    }
}
