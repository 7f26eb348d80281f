using Microsoft.Data.Sqlite;
using Vectra.Journal.Storage;
using Vectra.Projections.Runtime;

namespace Vectra.Runner.Serve.Data;

/// <summary>
/// A read-only connection to views.db for one request (<c>Mode=ReadOnly</c>, <c>query_only</c>): the dashboard
/// never writes. Every query binds its values as parameters; only whitelisted fragments are spliced in.
/// </summary>
internal sealed class ViewsConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private HashSet<string>? _tables;
    private long? _dataVersion;

    private ViewsConnection(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens views.db in <paramref name="dataDirectory"/>, or returns null when it does not exist yet.</summary>
    public static ViewsConnection? TryOpen(string dataDirectory)
    {
        var path = new ViewsFiles(dataDirectory).Database;
        if (!File.Exists(path))
        {
            return null;
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA query_only=1; PRAGMA busy_timeout=5000;";
            pragma.ExecuteNonQuery();
        }
        return new ViewsConnection(connection);
    }

    /// <summary>Whether the projection that owns <paramref name="table"/> has created it.</summary>
    public bool HasTable(string table)
    {
        if (_tables is null)
        {
            _tables = new HashSet<string>(StringComparer.Ordinal);
            Query("SELECT name FROM sqlite_master WHERE type = 'table'", r => _tables.Add(r.GetString(0)));
        }
        return _tables.Contains(table);
    }

    /// <summary>
    /// SQLite's <c>data_version</c> for this connection: it changes whenever another connection has committed since it
    /// was last read. A change also forgets the tables this connection knew (a projection may have created one).
    /// </summary>
    public long DataVersion()
    {
        var version = (long)Scalar("PRAGMA data_version")!;
        if (version != _dataVersion)
        {
            _tables = null;
            _dataVersion = version;
        }
        return version;
    }

    /// <summary>Runs <paramref name="sql"/> with its parameters bound, calling <paramref name="row"/> for each result row.</summary>
    public void Query(string sql, Action<SqliteDataReader> row, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    /// <summary>Every projection's checkpoint, lag behind <paramref name="journalTail"/> and quarantined count; empty before any projection ran.</summary>
    public IReadOnlyList<ProjectionState> ProjectionStates(long journalTail) =>
        HasTable("projection_checkpoints") && HasTable("projection_errors") ? global::Vectra.Projections.Runtime.ProjectionStates.Read(_connection, journalTail) : [];

    /// <summary>The first column of the first row, or null.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        object? value = null;
        Query(sql, r => value ??= r.IsDBNull(0) ? null : r.GetValue(0), parameters);
        return value;
    }

    /// <summary>
    /// Makes the queries until the returned scope ends read one snapshot of views.db, so that a count and the page it
    /// counts agree while a projection writes.
    /// </summary>
    public IDisposable Snapshot()
    {
        _connection.Execute("BEGIN");
        return new ReadScope(_connection);
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private sealed class ReadScope(SqliteConnection connection) : IDisposable
    {
        public void Dispose() => connection.Execute("ROLLBACK");
    }
}
