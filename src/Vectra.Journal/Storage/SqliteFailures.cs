using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;

namespace Vectra.Journal.Storage;

/// <summary>
/// Turns an error SQLite raised on a journal file into the journal's own errors, each one line that says
/// what happened and what to do: damage (<see cref="JournalCorruptException"/>) or a file that cannot be
/// used here (<see cref="JournalUnavailableException"/>).
/// </summary>
public static class SqliteFailures
{
    private const int Permission = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADatabase = 26;

    /// <summary>Whether SQLite says the file's bytes are damaged or are not a database at all.</summary>
    public static bool IsDamage(SqliteException error) => error?.SqliteErrorCode is Corrupt or NotADatabase;

    /// <summary>The journal error for <paramref name="error"/>, raised on <paramref name="database"/>.</summary>
    public static JournalException Describe(SqliteException error, string database)
    {
        ArgumentNullException.ThrowIfNull(error);
        var what = $"{Path.GetFullPath(database)} ({error.Message.TrimEnd('.')})";
        var folder = Path.GetDirectoryName(Path.GetFullPath(database));
        return error.SqliteErrorCode switch
        {
            Corrupt or NotADatabase => new JournalCorruptException(
                $"{what} is damaged. Keep a copy of {folder} before anything else, then run `vectra verify --data {folder}` to see what is intact.", error),
            Full => new JournalUnavailableException(
                $"the disk holding {what} is full. Free space, then run the command again: every acknowledged record is kept.", error),
            IoError => new JournalUnavailableException(
                $"I/O error on {what}. Check the disk: free space, file size limits (ulimit -f), its health; then run the command again.", error),
            Permission or ReadOnly or CantOpen => new JournalUnavailableException(
                $"cannot open or write {what}. Check that {folder} and its files are readable and writable by this user (and not immutable: lsattr).", error),
            Busy or Locked => new JournalUnavailableException(
                $"{what} stayed locked by another process. Try again when it is done.", error),
            _ => new JournalCorruptException(
                $"{what} cannot be read as a Vectra journal: it is damaged or another kind of database. Keep a copy of {folder}, then run `vectra verify --data {folder}`.", error),
        };
    }
}
