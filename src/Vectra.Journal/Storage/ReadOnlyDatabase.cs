using Microsoft.Data.Sqlite;

namespace Vectra.Journal.Storage;

/// <summary>
/// Opens one of Vectra's SQLite files (journal.db, views.db) for reading only. The schema is read at once, so
/// a file that is not a database fails here rather than at the first query. In a folder this process cannot
/// write (a read-only mount, an immutable folder) SQLite cannot create the WAL index beside the file; when no
/// write-ahead log is left to apply, the file is complete and is read as immutable instead.
/// </summary>
public static class ReadOnlyDatabase
{
    private const int ReadOnly = 8, CantOpen = 14;

    /// <summary>A connection that never writes and sees only committed transactions.</summary>
    public static SqliteConnection Open(string path)
    {
        SqliteConnection connection;
        try
        {
            connection = OpenChecked(path);
        }
        catch (SqliteException cannotOpen) when (cannotOpen.SqliteErrorCode is CantOpen or ReadOnly && !HasWriteAheadLog(path))
        {
            connection = OpenChecked(new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1");
        }
        connection.Execute("PRAGMA query_only=1");
        return connection;
    }

    private static SqliteConnection OpenChecked(string dataSource)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            // A reader may meet a writer mid-checkpoint; wait rather than fail.
            connection.Execute("PRAGMA busy_timeout=10000");
            connection.Execute("SELECT count(*) FROM sqlite_master");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static bool HasWriteAheadLog(string path) => new FileInfo(path + "-wal") is { Exists: true, Length: > 0 };

}
