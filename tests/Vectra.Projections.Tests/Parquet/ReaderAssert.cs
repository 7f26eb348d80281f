using System.Globalization;
using System.Text.Json;
using Vectra.Projections.Parquet;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Compares the rows an independent reader decoded with the rows that were written, value by value and exactly.</summary>
public static class ReaderAssert
{
    /// <summary>Writes the table, reads it with DuckDB and hyparquet, and asserts both give back every value exactly.</summary>
    public static void RoundTrips(TestTable table, ParquetWriterOptions? options = null)
    {
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, table.ToParquet(options));
        var read = ParquetChecker.Read(file.Path);
        SameRows(table, read.GetProperty("duckdb").GetProperty("rows"), "DuckDB");
        SameRows(table, read.GetProperty("hyparquet").GetProperty("rows"), "hyparquet");
    }

    public static void SameRows(TestTable table, JsonElement actualRows, string reader)
    {
        Assert.True(
            actualRows.GetArrayLength() == table.Rows.Count,
            $"{reader} read {actualRows.GetArrayLength()} rows, {table.Rows.Count} were written ({table})");
        var r = 0;
        foreach (var actualRow in actualRows.EnumerateArray())
        {
            var c = 0;
            foreach (var actual in actualRow.EnumerateArray())
            {
                var column = table.Schema.Columns[c];
                var expected = table.Rows[r][c];
                if (!Same(column.Type, expected, actual))
                {
                    Assert.Fail($"{reader}: row {r}, column {column.Name} ({column.Type}): expected {Describe(expected)}, read {actual.GetRawText()} ({table})");
                }
                c++;
            }
            Assert.Equal(table.Schema.Columns.Count, c);
            r++;
        }
    }

    private static bool Same(ParquetColumnType type, object? expected, JsonElement actual)
    {
        if (expected is null)
        {
            return actual.ValueKind == JsonValueKind.Null;
        }
        return type switch
        {
            ParquetColumnType.Boolean => actual.ValueKind is JsonValueKind.True or JsonValueKind.False && actual.GetBoolean() == (bool)expected,
            ParquetColumnType.Int32 or ParquetColumnType.Int64 or ParquetColumnType.Timestamp =>
                actual.ValueKind == JsonValueKind.String && actual.GetString() == Convert.ToInt64(expected, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            ParquetColumnType.Double => SameDouble((double)expected, actual),
            ParquetColumnType.String => actual.ValueKind == JsonValueKind.String && actual.GetString() == (string)expected,
            ParquetColumnType.DoubleList => SameList((double?[])expected, actual),
            _ => false,
        };
    }

    private static bool SameList(double?[] expected, JsonElement actual)
    {
        if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.Length)
        {
            return false;
        }
        var i = 0;
        foreach (var element in actual.EnumerateArray())
        {
            var ok = expected[i] is { } value ? SameDouble(value, element) : element.ValueKind == JsonValueKind.Null;
            if (!ok)
            {
                return false;
            }
            i++;
        }
        return true;
    }

    /// <summary>Bit-exact, so -0.0 differs from +0.0; every NaN equals every NaN.</summary>
    private static bool SameDouble(double expected, JsonElement actual)
    {
        if (actual.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        var parsed = double.Parse(actual.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsNaN(expected)
            ? double.IsNaN(parsed)
            : BitConverter.DoubleToInt64Bits(parsed) == BitConverter.DoubleToInt64Bits(expected);
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        double?[] list => "[" + string.Join(", ", list.Select(e => e?.ToString("R", CultureInfo.InvariantCulture) ?? "null")) + "]",
        string s when s.Length > 80 => $"string of {s.Length} chars",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };
}
