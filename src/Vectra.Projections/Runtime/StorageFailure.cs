using Microsoft.Data.Sqlite;

namespace Vectra.Projections.Runtime;

/// <summary>
/// Tells a failure of the storage (views.db or the export folder: I/O, disk full, corrupt or unwritable file) from a
/// failure a record's own data caused (a constraint its values break, a value out of range, a payload a handler rejects).
/// Only the first kind stops the projection runner; the second quarantines the record.
/// </summary>
internal static class StorageFailure
{
    /// <summary>True when <paramref name="failure"/> says the storage cannot be used, whatever record is applied.</summary>
    public static bool Is(Exception failure) => failure switch
    {
        SqliteException sqlite => IsStorageCode(sqlite.SqliteErrorCode & 0xFF),
        IOException or UnauthorizedAccessException => true,
        _ => false,
    };

    // The primary result codes that describe the database file or the machine, not the statement's values
    // (https://sqlite.org/rescode.html): PERM, BUSY, LOCKED, NOMEM, READONLY, INTERRUPT, IOERR, CORRUPT, FULL,
    // CANTOPEN, PROTOCOL, NOLFS, AUTH, NOTADB.
    private static bool IsStorageCode(int code) => code is 3 or 5 or 6 or 7 or 8 or 9 or 10 or 11 or 13 or 14 or 15 or 22 or 23 or 26;
}
