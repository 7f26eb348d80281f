using System.Globalization;
using System.Text.Json;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Compares the rows an independent reader decoded with the rows that were written, value by value and exactly.</summary>
public static class ReaderAssert
{
    /// <summary>Writes the table, reads it with DuckDB, hyparquet and Parquet.Net, and asserts each gives back every value exactly.</summary>
    public static void RoundTrips(TestTable table, ExportWriterOptions? options = null)
    {
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, table.ToParquet(options));
        var read = ParquetChecker.Read(file.Path);
        SameRows(table, read.GetProperty("duckdb").GetProperty("rows"), "DuckDB");
        SameRows(table, read.GetProperty("hyparquet").GetProperty("rows"), "hyparquet");
        var (columns, rows) = ParquetNetReader.Read(file.Path);
        Assert.Equal(table.Schema.Columns.Select(c => c.Name), columns);
        Assert.True(rows.Count == table.Rows.Count, $"Parquet.Net read {rows.Count} rows, {table.Rows.Count} were written ({table})");
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var column = table.Schema.Columns[c];
                if (!SameValue(column.Type, table.Rows[r][c], rows[r][c]))
                {
                    Assert.Fail($"Parquet.Net: row {r}, column {column.Name} ({column.Type}): expected {Describe(table.Rows[r][c])}, read {Describe(rows[r][c])} ({table})");
                }
            }
        }
    }

    /// <summary>True when a value Parquet.Net read equals the one written (doubles bit for bit, NaN equal to NaN).</summary>
    public static bool SameValue(ExportColumnType type, object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (double e, double a) => SameBits(e, a),
        (double?[] e, double?[] a) => e.Length == a.Length && e.Zip(a).All(p => p.First is { } x ? p.Second is { } y && SameBits(x, y) : p.Second is null),
        _ when type is ExportColumnType.Int32 or ExportColumnType.Int64 or ExportColumnType.Timestamp =>
            Convert.ToInt64(expected, CultureInfo.InvariantCulture) == Convert.ToInt64(actual, CultureInfo.InvariantCulture),
        _ => Equals(expected, actual),
    };

    /// <summary>True when a value Parquet.Net read equals the cell the Node checker printed for the same row.</summary>
    public static bool SameAsChecker(object? value, JsonElement cell) => value switch
    {
        null => cell.ValueKind == JsonValueKind.Null,
        bool b => cell.ValueKind is JsonValueKind.True or JsonValueKind.False && cell.GetBoolean() == b,
        int or long => cell.ValueKind == JsonValueKind.String && cell.GetString() == Convert.ToString(value, CultureInfo.InvariantCulture),
        double d => SameDouble(d, cell),
        string s => cell.ValueKind == JsonValueKind.String && cell.GetString() == s,
        double?[] list => SameList(list, cell),
        _ => false,
    };

    private static bool SameBits(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);

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

    private static bool Same(ExportColumnType type, object? expected, JsonElement actual)
    {
        if (expected is null)
        {
            return actual.ValueKind == JsonValueKind.Null;
        }
        return type switch
        {
            ExportColumnType.Boolean => actual.ValueKind is JsonValueKind.True or JsonValueKind.False && actual.GetBoolean() == (bool)expected,
            ExportColumnType.Int32 or ExportColumnType.Int64 or ExportColumnType.Timestamp =>
                actual.ValueKind == JsonValueKind.String && actual.GetString() == Convert.ToInt64(expected, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            ExportColumnType.Double => SameDouble((double)expected, actual),
            ExportColumnType.String => actual.ValueKind == JsonValueKind.String && actual.GetString() == (string)expected,
            ExportColumnType.DoubleList => SameList((double?[])expected, actual),
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
