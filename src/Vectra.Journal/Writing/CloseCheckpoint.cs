using Microsoft.Data.Sqlite;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>
/// The writer's last step: copies the write-ahead log into journal.db and empties it. Under `none` nothing was
/// fsynced yet and this is what makes the records durable; when a reader's snapshot keeps the checkpoint from
/// finishing, the log itself is fsynced instead (the next open copies it) and the busy checkpoint is reported, not ignored.
/// </summary>
internal static class CloseCheckpoint
{
    /// <summary>Checkpoints <paramref name="connection"/>; a busy checkpoint goes to <paramref name="warning"/>, or to stderr without one.</summary>
    public static void Run(SqliteConnection connection, JournalFiles files, Action<string>? warning)
    {
        connection.Execute("PRAGMA synchronous=FULL");
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var result = command.ExecuteReader();
        result.Read();
        var (busy, logFrames, copied) = (result.GetInt64(0), result.GetInt64(1), result.GetInt64(2));
        if (busy == 0 && copied == logFrames)
        {
            return;
        }
        using (var log = new FileStream(files.Database + "-wal", FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            log.Flush(flushToDisk: true);
        }
        var message = $"the checkpoint at close was busy (a reader held an older snapshot): {Math.Max(copied, 0)} of {Math.Max(logFrames, 0)} pages " +
            $"were copied into {files.Database}; the rest stay in journal.db-wal, fsynced, and are copied by the next writer. Nothing was lost.";
        if (warning is not null)
        {
            warning(message);
        }
        else
        {
            Console.Error.WriteLine($"vectra: warning: {message}");
        }
    }
}
