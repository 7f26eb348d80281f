using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>
/// The writer's look at the journal before it appends: its last record must hold its checksum, whether it is
/// a row or sits in the last sealed block (a compacted journal has no rows). A torn or mixed file (a stale
/// journal.db-wal of another database, damaged pages) shows there first, and appending after damage would
/// bury it under new records. One record, or one block, so opening stays instant at any size.
/// </summary>
internal static class TailCheck
{
    public static void Ensure(SqliteConnection connection, ChecksumScheme scheme, JournalFiles files)
    {
        var texts = new Utf8TextCache();
        using var last = new Statement(connection, $"SELECT {StoredRow.Columns} FROM journal ORDER BY seq DESC LIMIT 1");
        var row = last.Step() ? StoredRow.From(last, texts, scheme) : LastSealed(connection, texts, scheme, files);
        if (row is { ChecksumHolds: false } damaged)
        {
            throw Refusal(damaged.Record.Seq, "fails its checksum", files);
        }
    }

    /// <summary>The last record of the last block, or null when there is none; a block that cannot be opened is refused.</summary>
    private static StoredRow? LastSealed(SqliteConnection connection, Utf8TextCache texts, ChecksumScheme scheme, JournalFiles files)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(last_seq), 0) FROM journal_blocks";
        var tail = (long)command.ExecuteScalar()!;
        if (tail == 0)
        {
            return null;
        }
        using var blocks = new BlockReader(connection, texts, () => scheme, () => false, error => error);
        StoredRow? row;
        try
        {
            row = blocks.SeqRange(tail, tail).Cast<StoredRow?>().SingleOrDefault();
        }
        catch (JournalCorruptException)
        {
            throw Refusal(tail, "is in a sealed block that is damaged", files);
        }
        return row ?? throw Refusal(tail, "is missing from the last sealed block", files);
    }

    private static JournalCorruptException Refusal(long seq, string what, JournalFiles files) =>
        new(seq,
            $"the last record of {Path.GetFullPath(files.Database)}, meta_seq {seq}, {what}: the journal is damaged " +
            $"(damaged bytes, or a journal.db-wal left from another database), so nothing was written. Keep a copy of {Path.GetFullPath(files.DataDirectory)}, then run `vectra verify`; " +
            "a journal.db-wal copied in from elsewhere can be moved away (keep it) and verify run again.");
}
