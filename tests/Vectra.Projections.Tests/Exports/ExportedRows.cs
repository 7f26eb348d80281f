using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Tests.Parquet;

namespace Vectra.Projections.Tests.Exports;

/// <summary>
/// The rows of one export type as the three independent readers (DuckDB, hyparquet, Parquet.Net) decode them (every file under
/// <c>exports/doc_type=&lt;type&gt;</c>), checked to agree with one another, keyed for comparison with views.db.
/// </summary>
internal sealed class ExportedRows
{
    private ExportedRows(Dictionary<string, JsonElement> byKey, List<string> files)
    {
        ByKey = byKey;
        Files = files;
    }

    public Dictionary<string, JsonElement> ByKey { get; }

    public List<string> Files { get; }

    public static ExportedRows Read(string data, string docType, ExportSchema schema, params int[] keyColumns)
    {
        var byKey = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var file in ParquetChecker.Tree(Path.Combine(data, "exports", "doc_type=" + docType)).EnumerateArray())
        {
            var path = file.GetProperty("path").GetString()!;
            files.Add(path);
            var duck = file.GetProperty("duckdb");
            Assert.Equal(schema.Columns.Select(c => c.Name), duck.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            var duckRows = duck.GetProperty("rows").EnumerateArray().ToList();
            var hypRows = file.GetProperty("hyparquet").GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(duckRows.Select(r => r.GetRawText()), hypRows.Select(r => r.GetRawText()));
            var (netColumns, netRows) = ParquetNetReader.Read(path);
            Assert.Equal(schema.Columns.Select(c => c.Name), netColumns);
            Assert.Equal(duckRows.Count, netRows.Count);
            for (var r = 0; r < duckRows.Count; r++)
            {
                for (var c = 0; c < netColumns.Count; c++)
                {
                    Assert.True(ReaderAssert.SameAsChecker(netRows[r][c], duckRows[r][c]),
                        $"{path} row {r} column {netColumns[c]}: Parquet.Net read {netRows[r][c]}, DuckDB {duckRows[r][c]}");
                }
            }
            Assert.NotEmpty(duckRows);
            foreach (var row in duckRows)
            {
                var key = string.Join('|', keyColumns.Select(k => row[k].ToString()));
                Assert.True(byKey.TryAdd(key, row), $"{docType} row {key} is exported twice (again in {path})");
            }
        }
        return new ExportedRows(byKey, files);
    }

    /// <summary>Asserts every views.db row of <paramref name="sql"/> (columns in schema order) is exported once, equal, and nothing else is.</summary>
    public void AssertEqualToViews(string data, string sql, ExportSchema schema, params int[] keyColumns)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "views.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var seen = 0;
        while (reader.Read())
        {
            var key = string.Join('|', keyColumns.Select(k => Convert.ToString(reader.GetValue(k), CultureInfo.InvariantCulture)));
            Assert.True(ByKey.TryGetValue(key, out var row), $"views.db row {key} is not exported");
            for (var i = 0; i < schema.Columns.Count; i++)
            {
                AssertValue(schema.Columns[i], reader, i, row[i], key);
            }
            seen++;
        }
        Assert.Equal(seen, ByKey.Count);
    }

    public static void AssertValue(ExportColumn column, SqliteDataReader reader, int i, JsonElement actual, string key)
    {
        var where = $"{column.Name} of {key}";
        if (reader.IsDBNull(i))
        {
            Assert.True(actual.ValueKind == JsonValueKind.Null, $"{where}: expected null, got {actual}");
            return;
        }
        switch (column.Type)
        {
            case ExportColumnType.Boolean:
                Assert.True(actual.ValueKind is JsonValueKind.True or JsonValueKind.False, where);
                Assert.Equal(reader.GetInt64(i) != 0, actual.GetBoolean());
                break;
            case ExportColumnType.Int32:
            case ExportColumnType.Int64:
            case ExportColumnType.Timestamp:
                Assert.Equal(reader.GetInt64(i).ToString(CultureInfo.InvariantCulture), actual.GetString());
                break;
            case ExportColumnType.Double:
                Assert.Equal(reader.GetDouble(i), double.Parse(actual.GetString()!, CultureInfo.InvariantCulture));
                break;
            case ExportColumnType.String:
                Assert.Equal(reader.GetString(i), actual.GetString());
                break;
            case ExportColumnType.DoubleList:
                Assert.Equal(JsonSerializer.Deserialize<double[]>(reader.GetString(i)), actual.EnumerateArray().Select(e => double.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray());
                break;
            default:
                throw new InvalidOperationException(where);
        }
    }
}
