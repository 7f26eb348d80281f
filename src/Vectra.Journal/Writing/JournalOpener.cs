using Microsoft.Data.Sqlite;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>
/// Opens a journal for writing: takes the single-writer lock, opens the connection, creates or upgrades the schema,
/// refuses a damaged last record (<see cref="TailCheck"/>) and finds the last seq, then hands all of it to the writer.
/// </summary>
/// <remarks>
/// Failure policy: whatever fails on the way (the lock, SQLite, the tail check, the writer's own start) closes the
/// connection leaving the files as found and releases the lock before the error goes on, described for a reader
/// when it is SQLite's.
/// </remarks>
internal static class JournalOpener
{
    /// <summary>Opens the journal of <paramref name="files"/> and returns what <paramref name="create"/> makes of it.</summary>
    public static T Open<T>(JournalFiles files, Durability durability, Func<WriterLock, SqliteConnection, long, T> create)
    {
        var writerLock = WriterLock.Acquire(files);
        SqliteConnection? connection = null;
        try
        {
            connection = SqliteOpener.OpenWriter(files.Database, durability);
            JournalSchema.Create(connection);
            var tail = ReadTail(connection);
            var scheme = ChecksumScheme.FromMeta(JournalSchema.GetMeta(connection, ChecksumScheme.MetaKey));
            TailCheck.Ensure(connection, scheme, files);
            if (scheme == ChecksumScheme.Legacy)
            {
                // From here on every record is checksummed over its stored bytes; older ones keep their definition.
                JournalSchema.SetMeta(connection, ChecksumScheme.MetaKey, new ChecksumScheme(tail + 1).ToMeta());
            }
            SessionSummaryWriter.CatchUp(connection, tail, scheme);
            JournalSchema.SetMeta(connection, "durability", durability.Name);
            return create(writerLock, connection, tail);
        }
        catch (Exception error)
        {
            if (connection is not null)
            {
                SqliteOpener.CloseLeavingFilesAsFound(connection);
            }
            writerLock.Dispose();
            if (error is SqliteException sqlite)
            {
                throw SqliteFailures.Describe(sqlite, files.Database);
            }
            throw;
        }
    }

    private static long ReadTail(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(coalesce((SELECT max(last_seq) FROM journal_blocks), 0), coalesce((SELECT max(seq) FROM journal), 0))";
        return (long)command.ExecuteScalar()!;
    }
}
