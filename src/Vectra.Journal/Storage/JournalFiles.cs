namespace Vectra.Journal.Storage;

/// <summary>Where a journal's files live inside a data folder.</summary>
public sealed record JournalFiles(string DataDirectory)
{
    /// <summary>The SQLite database holding the records.</summary>
    public string Database => Path.Combine(DataDirectory, "journal.db");

    /// <summary>The file whose exclusive lock marks the one writer.</summary>
    public string LockFile => Path.Combine(DataDirectory, "journal.lock");

    /// <summary>Who holds the writer lock (pid, host, command), readable while the lock is held.</summary>
    public string OwnerFile => Path.Combine(DataDirectory, "journal.owner");

    /// <summary>The database's write-ahead log, where commits land before a checkpoint copies them into the database.</summary>
    public string WriteAheadLog => Database + "-wal";

    /// <summary>Bytes on disk: the database with its write-ahead log and shared-memory index.</summary>
    public long BytesOnDisk() =>
        new[] { Database, WriteAheadLog, Database + "-shm" }
            .Where(File.Exists)
            .Sum(path => new FileInfo(path).Length);

    /// <summary>Whether a journal database exists here.</summary>
    public bool Exists => File.Exists(Database);
}
