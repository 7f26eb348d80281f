using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;

namespace Vectra.Journal.Storage;

/// <summary>
/// The tables of <c>journal.db</c>. Records are only ever inserted as rows; the only change to a record is
/// sealing, which moves contiguous rows into one block of <c>journal_blocks</c> in the same transaction.
/// Schema 1 (rows only) is upgraded in place to 2 (rows and blocks), and 2 to 3 (<c>journal_sessions</c> counting through the
/// seq <see cref="SessionSummaries"/> names, instead of through every commit), by the first writer that opens it.
/// </summary>
internal static class JournalSchema
{
    public const int Version = 3;

    /// <summary>The page size of a new journal.db.</summary>
    public const int PageSize = 16384;

    /// <summary>Codec 0: args stored as given. The column exists so compression can come without a migration.</summary>
    public const int RawCodec = 0;

    /// <summary>Selects system records (event names starting with <c>$</c>); '%' is the byte after '$'.</summary>
    public const string SystemRecordFilter = "event >= '$' AND event < '%'";

    private const string CreateSql = $"""
        CREATE TABLE IF NOT EXISTS journal (
            seq     INTEGER PRIMARY KEY,
            ts      INTEGER NOT NULL,
            session TEXT    NOT NULL,
            conn    INTEGER NOT NULL,
            source  TEXT    NOT NULL,
            event   TEXT    NOT NULL,
            codec   INTEGER NOT NULL DEFAULT 0,
            args    BLOB    NOT NULL,
            crc     INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS journal_ts ON journal (ts);
        CREATE INDEX IF NOT EXISTS journal_system ON journal (seq) WHERE {SystemRecordFilter};
        CREATE TABLE IF NOT EXISTS journal_sessions (
            session   TEXT PRIMARY KEY,
            source    TEXT    NOT NULL,
            first_seq INTEGER NOT NULL,
            last_seq  INTEGER NOT NULL,
            records   INTEGER NOT NULL,
            first_ts  INTEGER NOT NULL,
            last_ts   INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS journal_blocks (
            first_seq      INTEGER PRIMARY KEY,
            last_seq       INTEGER NOT NULL,
            records        INTEGER NOT NULL,
            min_ts         INTEGER NOT NULL,
            max_ts         INTEGER NOT NULL,
            system_records INTEGER NOT NULL,
            args_bytes     INTEGER NOT NULL,
            codec          INTEGER NOT NULL,
            level          INTEGER NOT NULL,
            raw_bytes      INTEGER NOT NULL,
            checksum       INTEGER NOT NULL,
            data           BLOB    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS journal_meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;

    /// <summary>Creates the tables, or upgrades an older journal's; refuses a journal from a newer build.</summary>
    public static void Create(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        connection.Execute(CreateSql, tx);
        using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT value FROM journal_meta WHERE key = 'schema_version'";
        var stored = read.ExecuteScalar() is string text && int.TryParse(text, out var number) ? number : 0;
        if (stored > Version)
        {
            throw new JournalInputException(
                $"this journal has schema {stored}, newer than the {Version} this vectra understands: use the newer vectra that wrote it.");
        }
        using var meta = connection.CreateCommand();
        meta.Transaction = tx;
        meta.CommandText = "INSERT INTO journal_meta (key, value) VALUES ('schema_version', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        meta.Parameters.AddWithValue("$v", Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        meta.ExecuteNonQuery();
        tx.Commit();
    }

    public static void SetMeta(SqliteConnection connection, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO journal_meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    public static string? GetMeta(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM journal_meta WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() as string;
    }

}
