using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Reading;

/// <summary>
/// Reads committed records on its own connection, checking every record's checksum. Readers may run
/// at any time, beside the writer; each query sees a committed, gap-free prefix of the journal.
/// </summary>
/// <remarks>
/// Failure policy: nothing is retried. An error SQLite raises is turned into a journal error naming
/// the file and what to do (<see cref="SqliteFailures"/>); a record whose checksum fails throws
/// <see cref="JournalCorruptException"/> when it is read. A journal.db without the journal's tables
/// (a writer killed while creating it leaves 0 bytes) reads as an empty journal until a writer creates them.
/// </remarks>
public sealed class JournalReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Utf8TextCache _texts = new();
    private bool _hasTables;
    private ChecksumScheme _scheme = ChecksumScheme.Legacy;

    private JournalReader(JournalFiles files, SqliteConnection connection)
    {
        Files = files;
        _connection = connection;
    }

    /// <summary>The journal's files.</summary>
    public JournalFiles Files { get; }

    /// <summary>Opens the journal in <paramref name="dataDirectory"/> for reading.</summary>
    public static JournalReader Open(string dataDirectory)
    {
        var files = new JournalFiles(dataDirectory);
        if (!files.Exists)
        {
            throw new JournalInputException($"there is no journal in {Path.GetFullPath(dataDirectory)} (no journal.db). Pass --data with the folder a capture or import wrote.");
        }
        SqliteConnection? connection = null;
        try
        {
            connection = SqliteOpener.OpenReader(files.Database);
            JournalIdentity.Ensure(connection, files.Database);
            return new JournalReader(files, connection);
        }
        catch (Exception error)
        {
            connection?.Dispose();
            if (error is SqliteException sqlite)
            {
                throw SqliteFailures.Describe(sqlite, files.Database);
            }
            throw;
        }
    }

    /// <summary>The first seq, or 0 when the journal is empty.</summary>
    public long Head => Scalar("SELECT coalesce(min(seq), 0) FROM journal");

    /// <summary>The last committed seq, or 0 when the journal is empty.</summary>
    public long Tail => Scalar("SELECT coalesce(max(seq), 0) FROM journal");

    /// <summary>The record at <paramref name="seq"/>, or null.</summary>
    public JournalRecord? ReadOne(long seq) => ReadSeqRange(seq, seq).FirstOrDefault();

    /// <summary>Records with <paramref name="from"/> ≤ seq ≤ <paramref name="to"/>, in seq order.</summary>
    public IEnumerable<JournalRecord> ReadSeqRange(long from, long to) =>
        Query($"SELECT {StoredRow.Columns} FROM journal WHERE seq BETWEEN $a AND $b ORDER BY seq", from, to).Select(row => row.Trusted());

    /// <summary>Records with <paramref name="fromTs"/> ≤ meta_ts ≤ <paramref name="toTs"/> (µs since epoch), in seq order.</summary>
    public IEnumerable<JournalRecord> ReadTsRange(long fromTs, long toTs) =>
        Query($"SELECT {StoredRow.Columns} FROM journal WHERE ts BETWEEN $a AND $b ORDER BY seq", fromTs, toTs).Select(row => row.Trusted());

    /// <summary>Up to <paramref name="max"/> records after <paramref name="afterSeq"/>, read in one short query.</summary>
    public List<JournalRecord> ReadAfter(long afterSeq, int max)
    {
        var list = new List<JournalRecord>(Math.Min(max, 1024));
        foreach (var row in Query($"SELECT {StoredRow.Columns} FROM journal WHERE seq > $a ORDER BY seq LIMIT $b", afterSeq, max))
        {
            list.Add(row.Trusted());
        }
        return list;
    }

    /// <summary>System records (event names starting with <c>$</c>) after <paramref name="afterSeq"/>, in seq order, through their own index.</summary>
    public IEnumerable<JournalRecord> ReadSystemRecords(long afterSeq = 0) =>
        Query($"SELECT {StoredRow.Columns} FROM journal WHERE seq > $a AND {JournalSchema.SystemRecordFilter} ORDER BY seq", afterSeq, 0).Select(row => row.Trusted());

    /// <summary>
    /// Every record after <paramref name="afterSeq"/>: first what is committed, then live as commits land.
    /// With <paramref name="signal"/> from an in-process writer it wakes at once; otherwise it polls every few ms.
    /// </summary>
    public async IAsyncEnumerable<JournalRecord> FollowAsync(
        long afterSeq,
        Writing.CommitSignal? signal = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var position = afterSeq;
        while (!cancellation.IsCancellationRequested)
        {
            var batch = ReadAfter(position, 4096);
            foreach (var record in batch)
            {
                yield return record;
                position = record.Seq;
            }
            if (batch.Count > 0)
            {
                continue;
            }
            if (signal is not null)
            {
                await signal.WaitPastAsync(position, TimeSpan.FromMilliseconds(250), cancellation);
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), cancellation);
            }
        }
    }

    /// <summary>The sessions that wrote this journal, in order of their first record.</summary>
    public IReadOnlyList<SessionSummary> Sessions() => Guard(() =>
    {
        var sessions = new List<SessionSummary>();
        if (!HasTables())
        {
            return sessions;
        }
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT session, source, first_seq, last_seq, records, first_ts, last_ts FROM journal_sessions ORDER BY first_seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            sessions.Add(new SessionSummary(
                Guid.TryParse(reader.GetString(0), out var session) ? session : Guid.Empty, reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }
        return sessions;
    });

    /// <summary>The policy the last writer used, as it recorded it.</summary>
    public string? LastDurability => Guard(() => HasTables() ? JournalSchema.GetMeta(_connection, "durability") : null);

    /// <summary>Rows as stored, without throwing on a bad checksum (for verification).</summary>
    internal IEnumerable<StoredRow> ReadStoredRows() => Query($"SELECT {StoredRow.Columns} FROM journal ORDER BY seq", 0, 0);

    /// <summary>SQLite's own consistency check; "ok" alone when the file is sound.</summary>
    internal IReadOnlyList<string> IntegrityCheck() => Guard(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    });

    private IEnumerable<StoredRow> Query(string sql, long a, long b)
    {
        if (!Guard(HasTables))
        {
            yield break;
        }
        using var statement = Guard(() => new Statement(_connection, sql));
        if (statement.IndexOf("$a") is > 0 and var first)
        {
            statement.Bind(first, a);
        }
        if (statement.IndexOf("$b") is > 0 and var second)
        {
            statement.Bind(second, b);
        }
        while (Step(statement))
        {
            var row = StoredRow.From(statement, _texts, _scheme);
            if (!row.ChecksumHolds && Guard(SchemeChanged))
            {
                // A writer of this version opened the journal after this reader did and took the stored-bytes checksum.
                row = StoredRow.From(statement, _texts, _scheme);
            }
            yield return row;
        }
    }

    private bool Step(Statement statement)
    {
        try
        {
            return statement.Step();
        }
        catch (SqliteException error)
        {
            throw SqliteFailures.Describe(error, Files.Database);
        }
    }

    private long Scalar(string sql) => Guard(() =>
    {
        if (!HasTables())
        {
            return 0L;
        }
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>Whether the journal's tables exist yet; once they do, they always will.</summary>
    private bool HasTables()
    {
        if (!_hasTables)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('journal', 'journal_sessions', 'journal_meta')";
            _hasTables = (long)command.ExecuteScalar()! == 3;
            if (_hasTables)
            {
                SchemeChanged();
            }
        }
        return _hasTables;
    }

    private bool SchemeChanged()
    {
        var latest = ChecksumScheme.FromMeta(JournalSchema.GetMeta(_connection, ChecksumScheme.MetaKey));
        var changed = latest != _scheme;
        _scheme = latest;
        return changed;
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException error)
        {
            throw SqliteFailures.Describe(error, Files.Database);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();
}
