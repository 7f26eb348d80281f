using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vectra.Journal.Reading;

/// <summary>
/// One read transaction over several queries, so a read that looks at both blocks and rows sees them
/// as of one commit: a seal that lands between the two queries cannot hide or repeat records. Inside a
/// transaction already open on the connection (a read nested in another), it joins that one.
/// </summary>
internal sealed class ReadSnapshot : IDisposable
{
    private readonly sqlite3? _owned;

    private ReadSnapshot(sqlite3? owned) => _owned = owned;

    public static ReadSnapshot Begin(SqliteConnection connection)
    {
        var db = connection.Handle!;
        if (raw.sqlite3_get_autocommit(db) == 0)
        {
            return new ReadSnapshot(null);
        }
        Check(db, raw.sqlite3_exec(db, "BEGIN"));
        return new ReadSnapshot(db);
    }

    public void Dispose()
    {
        if (_owned is not null && raw.sqlite3_get_autocommit(_owned) == 0)
        {
            Check(_owned, raw.sqlite3_exec(_owned, "COMMIT"));
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
