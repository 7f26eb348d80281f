using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vectra.Projections.Runtime;

/// <summary>
/// A canonical text form of projection tables: every row as a JSON object with sorted keys, rows sorted,
/// doubles in round-trip form. Two runs that derived the same facts give identical text, which is how a
/// rebuild is compared with a live run and how snapshot tests store their expectations.
/// </summary>
public static class ViewsDump
{
    /// <summary>The tables the rugs projection owns, for dumps.</summary>
    public static readonly IReadOnlyList<string> RugsTables = ["games", "ticks", "trades", "complete_games", "sidebets"];

    /// <summary>The tables the capture-health projection owns.</summary>
    public static readonly IReadOnlyList<string> CaptureTables = ["capture_sessions", "capture_connections", "capture_gaps"];

    /// <summary>One table's rows, canonical, leaving out <paramref name="ignoredColumns"/> (e.g. meta_seq when frames were reordered).</summary>
    public static IReadOnlyList<string> Rows(string dataDirectory, string table, IReadOnlySet<string>? ignoredColumns = null)
    {
        using var connection = ViewsDatabase.OpenReadOnly(dataDirectory);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\"";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => (Index: i, Name: reader.GetName(i)))
            .Where(c => ignoredColumns is null || !ignoredColumns.Contains(c.Name))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Row(reader, columns));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>All the given tables, each headed by its name, as one text.</summary>
    public static string Text(string dataDirectory, IEnumerable<string> tables, IReadOnlySet<string>? ignoredColumns = null)
    {
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.Append("## ").Append(table).Append('\n');
            foreach (var row in Rows(dataDirectory, table, ignoredColumns))
            {
                text.Append(row).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Row(SqliteDataReader reader, (int Index, string Name)[] columns)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (index, name) in columns)
            {
                json.WritePropertyName(name);
                switch (reader.IsDBNull(index) ? null : reader.GetValue(index))
                {
                    case null: json.WriteNullValue(); break;
                    case long value: json.WriteNumberValue(value); break;
                    case double value: json.WriteStringValue(value.ToString("R", CultureInfo.InvariantCulture)); break;
                    case string value: json.WriteStringValue(value); break;
                    case byte[] value: json.WriteBase64StringValue(value); break;
                    case var other: json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
