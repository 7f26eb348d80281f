using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>
/// The writer's look at the journal before it appends: its last record must hold its checksum. A torn or
/// mixed file (a stale journal.db-wal of another database, damaged pages) shows there first, and appending
/// after damage would bury it under new records. One record, so opening stays instant at any size.
/// </summary>
internal static class TailCheck
{
    public static void Ensure(SqliteConnection connection, ChecksumScheme scheme, JournalFiles files)
    {
        using var last = new Statement(connection, $"SELECT {StoredRow.Columns} FROM journal ORDER BY seq DESC LIMIT 1");
        if (!last.Step())
        {
            return;
        }
        var row = StoredRow.From(last, new Utf8TextCache(), scheme);
        if (!row.ChecksumHolds)
        {
            throw new JournalCorruptException(row.Record.Seq,
                $"the last record of {Path.GetFullPath(files.Database)}, meta_seq {row.Record.Seq}, fails its checksum: the journal is damaged " +
                $"(damaged bytes, or a journal.db-wal left from another database), so nothing was written. Keep a copy of {Path.GetFullPath(files.DataDirectory)}, then run `vectra verify`; " +
                "a journal.db-wal copied in from elsewhere can be moved away (keep it) and verify run again.");
        }
    }
}
