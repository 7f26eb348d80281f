using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vectra.Journal.Storage;

/// <summary>
/// A prepared SQLite statement driven directly through SQLitePCLRaw, for the hot paths (append,
/// replay, projection writes): prepared once, parameters bound by position, blobs bound and read as
/// spans. Microsoft.Data.Sqlite re-prepares a command on every execution and looks every parameter up
/// by name through a native call, which cost more than the work itself at tens of thousands of rows/s.
/// It runs on the connection's own handle, so it takes part in that connection's transactions.
/// </summary>
public sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    /// <summary>Prepares <paramref name="sql"/> (one statement) on <paramref name="connection"/>.</summary>
    public Statement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    /// <summary>The 1-based position of a named parameter such as <c>$seq</c>; 0 when the statement has none of that name.</summary>
    public int IndexOf(string parameter) => raw.sqlite3_bind_parameter_index(_stmt, parameter);

    /// <summary>Binds an integer at a 1-based position.</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

    /// <summary>Binds a double at a 1-based position.</summary>
    public void Bind(int index, double value) => Check(raw.sqlite3_bind_double(_stmt, index, value));

    /// <summary>Binds text (null binds NULL) at a 1-based position.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            BindNull(index);
            return;
        }
        // Encoded here into a stack or pooled buffer: SQLitePCL's string overload allocates for every call.
        var most = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = most <= 512 ? stackalloc byte[most] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(most));
        try
        {
            var length = System.Text.Encoding.UTF8.GetBytes(value, buffer);
            BindText(index, buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Binds text given as UTF-8 bytes at a 1-based position.</summary>
    public void BindText(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_stmt, index, utf8));

    /// <summary>Binds a blob at a 1-based position (SQLite copies it).</summary>
    public void BindBlob(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_stmt, index, value));

    /// <summary>Binds NULL at a 1-based position.</summary>
    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_stmt, index));

    /// <summary>Binds a boxed value by its type: null, integers, booleans (0/1), doubles, text or bytes.</summary>
    public void BindValue(int index, object? value)
    {
        switch (value)
        {
            case null or DBNull: BindNull(index); break;
            case long l: Bind(index, l); break;
            case int i: Bind(index, i); break;
            case bool b: Bind(index, b ? 1L : 0L); break;
            case double d: Bind(index, d); break;
            case string s: Bind(index, s); break;
            case byte[] bytes: BindBlob(index, bytes); break;
            default: throw new ArgumentException($"cannot bind a {value.GetType().Name} to SQLite", nameof(value));
        }
    }

    /// <summary>Moves to the next result row: true on a row, false when done; throws on an error.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }
        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }
        throw Error(rc);
    }

    /// <summary>Runs a statement that returns no rows, then makes it ready for the next use (bindings cleared unless <paramref name="keepBindings"/>).</summary>
    public void Execute(bool keepBindings = false)
    {
        try
        {
            while (Step())
            {
            }
        }
        finally
        {
            Reset(keepBindings);
        }
    }

    /// <summary>Rewinds the statement and clears its bindings (unless <paramref name="keepBindings"/>).</summary>
    public void Reset(bool keepBindings = false)
    {
        raw.sqlite3_reset(_stmt);
        if (!keepBindings)
        {
            raw.sqlite3_clear_bindings(_stmt);
        }
    }

    /// <summary>Rows the last INSERT, UPDATE or DELETE on this statement's connection changed.</summary>
    public int Changes => raw.sqlite3_changes(_db);

    /// <summary>Whether a 0-based column of the current row is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    /// <summary>An INTEGER column of the current row.</summary>
    public long Int64At(int column) => raw.sqlite3_column_int64(_stmt, column);

    /// <summary>A REAL column of the current row.</summary>
    public double DoubleAt(int column) => raw.sqlite3_column_double(_stmt, column);

    /// <summary>A text column of the current row (null for NULL).</summary>
    public string? TextAt(int column) => IsNull(column) ? null : raw.sqlite3_column_text(_stmt, column).utf8_to_string();

    /// <summary>A blob (or text) column's bytes, valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> BlobAt(int column) => raw.sqlite3_column_blob(_stmt, column);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc);
        }
    }

    private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));

    /// <inheritdoc/>
    public void Dispose() => raw.sqlite3_finalize(_stmt);
}
