using Microsoft.Data.Sqlite;

namespace Vectra.Runner.Serve.Data;

/// <summary>Null-aware reads of views.db columns.</summary>
internal static class Columns
{
    public static long? Int64(this SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetInt64(column);

    public static int? Int32(this SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetInt32(column);

    public static double? Double(this SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetDouble(column);

    public static string? Text(this SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);
}
