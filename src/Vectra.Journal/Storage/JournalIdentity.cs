using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;

namespace Vectra.Journal.Storage;

/// <summary>
/// A random number written into journal.db's own header (SQLite's <c>user_version</c>) when the journal is
/// created, before it switches to WAL, so it sits in the file itself. A write-ahead log replays pages over the
/// file and nothing in SQLite ties a log to its database: a journal.db-wal of another journal would replace
/// this one wholesale and look sound. Its page 1 carries the other journal's number, which is how it is told apart.
/// </summary>
/// <remarks>Journals created before the number existed hold 0 in the file until a writer's checkpoint adds it; until then they are not checked.</remarks>
internal static class JournalIdentity
{
    private const int UserVersionOffset = 60;

    /// <summary>Gives a journal without a number one; on a new file this happens before WAL, straight into the file.</summary>
    public static void Stamp(SqliteConnection connection)
    {
        if (Seen(connection) == 0)
        {
            connection.Execute($"PRAGMA user_version={RandomNumberGenerator.GetInt32(1, int.MaxValue)}");
        }
    }

    /// <summary>Throws <see cref="JournalCorruptException"/> when the pages SQLite shows name another journal than the file's own header.</summary>
    public static void Ensure(SqliteConnection connection, string database)
    {
        var own = InFile(database);
        var seen = Seen(connection);
        if (own != 0 && seen != own)
        {
            var path = Path.GetFullPath(database);
            throw new JournalCorruptException(
                $"{path}-wal does not belong to {path}: it holds the pages of another database (journal id {seen} in the log, {own} in the file), " +
                $"so nothing was read or written. Move {Path.GetFileName(path)}-wal away (keep it), then run `vectra verify`.");
        }
    }

    private static int Seen(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int InFile(string database)
    {
        Span<byte> header = stackalloc byte[UserVersionOffset + 4];
        using var file = new FileStream(database, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            ? BinaryPrimitives.ReadInt32BigEndian(header[UserVersionOffset..])
            : 0;
    }
}
