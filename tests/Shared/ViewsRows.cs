using Microsoft.Data.Sqlite;

namespace Vectra.Tests.Common;

/// <summary>Reads rows of a data folder's views.db, read-only, for a test to compare with what it expects.</summary>
public static class ViewsRows
{
    /// <summary>Every row <paramref name="sql"/> selects from <c>DATA/views.db</c>, each made into a value by <paramref name="row"/>.</summary>
    public static List<T> Query<T>(string data, string sql, Func<SqliteDataReader, T> row)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "views.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }
        return rows;
    }
}
