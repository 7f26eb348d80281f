using Microsoft.Data.Sqlite;

namespace Vectra.Runner.Tests.Serve;

/// <summary>Small queries the dashboard tests compare pages with.</summary>
internal static class ViewsQueries
{
    public static List<T> Rows<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
