using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vectra.Journal.Storage;

/// <summary>Opens connections to <c>journal.db</c> with the pragmas durability depends on.</summary>
internal static class SqliteOpener
{
    /// <summary>The single writer's connection: WAL, and fsync on every commit unless the policy says otherwise.</summary>
    public static SqliteConnection OpenWriter(string path, Durability durability)
    {
        var connection = Open(path, SqliteOpenMode.ReadWriteCreate);
        try
        {
            // Frames are 3–6 KB: 16 KB pages hold them without overflow chains, which triples read speed.
            // (Only takes effect when the file is created; an existing journal keeps its page size.)
            connection.Execute($"PRAGMA page_size={JournalSchema.PageSize}");
            JournalIdentity.Ensure(connection, path);
            if (IsNew(connection))
            {
                // Sealing frees the pages of the rows it compresses; incremental auto-vacuum lets `journal compact`
                // hand them back to the file system. Set only on a new file, before anything is written: on an existing
                // auto-vacuum journal the pragma writes a header field, which must not happen before the checks above.
                connection.Execute("PRAGMA auto_vacuum=INCREMENTAL");
            }
            JournalIdentity.Stamp(connection);
            connection.Execute("PRAGMA journal_mode=WAL");
            connection.Execute(durability.SyncsEachCommit ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF");
            return connection;
        }
        catch
        {
            CloseLeavingFilesAsFound(connection);
            throw;
        }
    }

    /// <summary>
    /// Closes a writer's connection that was refused. Closing normally would checkpoint the write-ahead log into
    /// journal.db, and a stale log of another database would then be merged for good instead of moved away.
    /// </summary>
    public static void CloseLeavingFilesAsFound(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            raw.sqlite3_db_config(handle, raw.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, out _);
        }
        connection.Dispose();
    }

    private static bool IsNew(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>A reader's connection; it never writes and sees only committed transactions (see <see cref="ReadOnlyDatabase"/>).</summary>
    public static SqliteConnection OpenReader(string path) => ReadOnlyDatabase.Open(path);

    /// <summary>How long a connection waits for a lock another connection holds before it reports busy.</summary>
    internal const int BusyTimeoutMilliseconds = 10_000;

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // A reader may meet a writer mid-checkpoint; wait rather than fail.
        connection.Execute($"PRAGMA busy_timeout={BusyTimeoutMilliseconds}");
        return connection;
    }
}
