using Microsoft.Data.Sqlite;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>
/// Keeps the write-ahead log from growing without end. SQLite's automatic checkpoint copies committed pages into the
/// database, but it starts the log again from its beginning only at a moment when no reader still reads from it.
/// Readers that never pause (the live projections and the sealer following a full-speed capture) leave no such
/// moment: a 30-minute full-speed capture grew its log to 10.7 GB. Past <see cref="Limit"/> bytes the writer runs a
/// truncating checkpoint, which waits a bounded time for the readers still on the log, then empties the file.
/// </summary>
internal sealed class WalBound(SqliteConnection connection, string walPath)
{
    /// <summary>The default limit: eight times the 16 MB the automatic checkpoint keeps the log to when readers pause.</summary>
    public const long DefaultLimit = 128L * 1024 * 1024;

    // Every append waits while the writer does, so readers get a bounded wait; a busy attempt is tried again soon.
    private const int ReaderWaitMilliseconds = 500;
    private const int CommitsBetweenChecks = 16;
    private const int CommitsBeforeRetry = 4;
    private int _sinceCheck;

    /// <summary>The log's size in bytes past which the writer truncates it.</summary>
    public long Limit { get; set; } = DefaultLimit;

    /// <summary>Truncating checkpoints that emptied the log since the writer opened.</summary>
    public long Truncations { get; private set; }

    /// <summary>Truncating checkpoints that readers kept from finishing (tried again later).</summary>
    public long Busy { get; private set; }

    /// <summary>Called after a commit whose appends are acknowledged: truncates the log when it has outgrown <see cref="Limit"/>.</summary>
    public void AfterCommit()
    {
        if (++_sinceCheck < CommitsBetweenChecks)
        {
            return;
        }
        _sinceCheck = 0;
        var log = new FileInfo(walPath);
        if (!log.Exists || log.Length < Limit)
        {
            return;
        }
        connection.Execute($"PRAGMA busy_timeout={ReaderWaitMilliseconds}");
        try
        {
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using var result = checkpoint.ExecuteReader();
            // First column: 1 when readers kept it from finishing (the log is then left as it was and tried again).
            if (result.Read() && result.GetInt64(0) == 0)
            {
                Truncations++;
            }
            else
            {
                Busy++;
                _sinceCheck = CommitsBetweenChecks - CommitsBeforeRetry;
            }
        }
        catch (SqliteException error) when (error.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            Busy++; // another connection was checkpointing; the next check tries again
        }
        finally
        {
            connection.Execute($"PRAGMA busy_timeout={SqliteOpener.BusyTimeoutMilliseconds}");
        }
    }
}
