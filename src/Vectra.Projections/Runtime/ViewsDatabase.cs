using Microsoft.Data.Sqlite;
using Vectra.Journal.Storage;

namespace Vectra.Projections.Runtime;

/// <summary>
/// views.db: projection tables plus the runtime's own two tables, checkpoints and quarantined records.
/// One process writes it (views.lock); synchronous=NORMAL is enough because every table can be rebuilt
/// from the journal, and WAL keeps each transaction atomic across a crash.
/// </summary>
internal sealed class ViewsDatabase : IDisposable
{
    private readonly WriterLock _lock;

    private readonly PreparedStatements _prepared;

    private ViewsDatabase(ViewsFiles files, WriterLock writerLock, SqliteConnection connection)
    {
        Files = files;
        _lock = writerLock;
        Connection = connection;
        _prepared = new PreparedStatements(connection);
    }

    public ViewsFiles Files { get; }

    public SqliteConnection Connection { get; }

    public static ViewsDatabase Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var files = new ViewsFiles(dataDirectory);
        var writerLock = WriterLock.Acquire(files.LockFile, files.OwnerFile,
            owner => $"Projections in {dataDirectory} are already being run by {owner}. Only one process runs them (capture runs them live): stop it, or pass --no-projections to capture.");
        try
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = files.Database, Pooling = false }.ToString());
            connection.Open();
            connection.Execute("PRAGMA journal_mode=WAL");
            connection.Execute("PRAGMA synchronous=NORMAL");
            connection.Execute("PRAGMA busy_timeout=10000");
            // Views are rewritten in bulk during a rebuild: checkpointing the write-ahead log every 64 MB
            // instead of every 4 MB halves the time spent in commits (pages rewritten often are copied once).
            connection.Execute("PRAGMA wal_autocheckpoint=16384");
            connection.Execute("""
                CREATE TABLE IF NOT EXISTS projection_checkpoints (
                    name    TEXT PRIMARY KEY,
                    version INTEGER NOT NULL,
                    seq     INTEGER NOT NULL
                );
                CREATE TABLE IF NOT EXISTS projection_errors (
                    projection TEXT    NOT NULL,
                    meta_seq   INTEGER NOT NULL,
                    event      TEXT    NOT NULL,
                    error      TEXT    NOT NULL,
                    PRIMARY KEY (projection, meta_seq)
                );
                """);
            return new ViewsDatabase(files, writerLock, connection);
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>Begins a transaction for projections to write in, with the statements prepared so far; the caller commits or disposes its <see cref="ViewsTransaction.Transaction"/>.</summary>
    public ViewsTransaction Begin() => new(Connection, Connection.BeginTransaction(), _prepared, Files);

    /// <summary>Opens views.db read-only for status and tests, without taking the lock.</summary>
    public static SqliteConnection OpenReadOnly(string dataDirectory)
    {
        return ReadOnlyDatabase.Open(new ViewsFiles(dataDirectory).Database);
    }

    public void Dispose()
    {
        _prepared.Dispose();
        Connection.Dispose();
        _lock.Dispose();
    }
}
