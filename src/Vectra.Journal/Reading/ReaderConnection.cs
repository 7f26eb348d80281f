using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Reading;

/// <summary>
/// A reader's connection to journal.db: knows whether the journal's tables exist yet and which checksum scheme
/// is in force, turns SQLite errors into journal errors naming the file, and reads stored rows.
/// </summary>
/// <remarks>
/// Failure policy: nothing is retried; an error SQLite raises is rethrown as the journal error
/// <see cref="SqliteFailures"/> describes. A journal.db without the journal's tables reads as empty.
/// </remarks>
internal sealed class ReaderConnection(SqliteConnection connection, string database) : IDisposable
{
    private bool _hasTables;

    public SqliteConnection Connection => connection;

    /// <summary>The event names and sources decoded so far, shared with the sealed blocks' reader.</summary>
    public Utf8TextCache Texts { get; } = new();

    /// <summary>How records are checksummed, as the journal's meta said when last looked at.</summary>
    public ChecksumScheme Scheme { get; private set; } = ChecksumScheme.Legacy;

    /// <summary>Rows the statement <paramref name="sql"/> selects (its <c>$a</c> and <c>$b</c> bound when present), checksums checked as read.</summary>
    public IEnumerable<StoredRow> Query(string sql, long a, long b)
    {
        if (!Guard(HasTables))
        {
            yield break;
        }
        using var statement = Guard(() => new Statement(connection, sql));
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
            var row = StoredRow.From(statement, Texts, Scheme);
            if (!row.ChecksumHolds && Guard(SchemeChanged))
            {
                // A writer of this version opened the journal after this reader did and took the stored-bytes checksum.
                row = StoredRow.From(statement, Texts, Scheme);
            }
            yield return row;
        }
    }

    /// <summary>The one number <paramref name="sql"/> selects, or 0 before the journal's tables exist.</summary>
    public long Scalar(string sql) => Guard(() =>
    {
        if (!HasTables())
        {
            return 0L;
        }
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>Whether the journal's tables exist yet; once they do, they always will.</summary>
    public bool HasTables()
    {
        if (!_hasTables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('journal', 'journal_sessions', 'journal_meta')";
            _hasTables = (long)command.ExecuteScalar()! == 3;
            if (_hasTables)
            {
                SchemeChanged();
            }
        }
        return _hasTables;
    }

    /// <summary>Reads the checksum scheme again; true when a writer changed it since the last look.</summary>
    public bool SchemeChanged()
    {
        var latest = ChecksumScheme.FromMeta(JournalSchema.GetMeta(connection, ChecksumScheme.MetaKey));
        var changed = latest != Scheme;
        Scheme = latest;
        return changed;
    }

    /// <summary>Runs <paramref name="read"/>, turning a SQLite error into the journal error for this file.</summary>
    public T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException error)
        {
            throw Describe(error);
        }
    }

    /// <summary>The journal error for <paramref name="error"/> on this file.</summary>
    public JournalException Describe(SqliteException error) => SqliteFailures.Describe(error, database);

    private bool Step(Statement statement)
    {
        try
        {
            return statement.Step();
        }
        catch (SqliteException error)
        {
            throw Describe(error);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => connection.Dispose();
}
