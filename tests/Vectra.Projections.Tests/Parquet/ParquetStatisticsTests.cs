using System.Text.Json;
using Vectra.Projections.Parquet;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Column-chunk statistics as DuckDB's parquet_metadata() reads them.</summary>
public sealed class ParquetStatisticsTests
{
    private static readonly ParquetSchema Schema = new(
        ParquetColumn.Int64("big", nullable: true),
        ParquetColumn.Double("price", nullable: true),
        ParquetColumn.String("name", nullable: true),
        ParquetColumn.Int32("small"),
        ParquetColumn.DoubleList("prices", nullable: true));

    [Fact]
    public void Min_max_and_null_count_follow_each_types_order_in_every_row_group()
    {
        object?[][] rows =
        [
            // row group 0
            [long.MinValue, 0.0, "b", -7, new double?[] { 3.0, null }],
            [5L, 2.5, "\uE000", 3, null],
            [null, double.NaN, "🚀", int.MinValue, Array.Empty<double?>()],
            [-3L, null, null, 12, new double?[] { -1.5 }],
            // row group 1
            [10L, -0.0, "a", 1, new double?[] { double.NaN }],
            [30L, -1e300, "ab", 2, new double?[] { 0.0, 1e-310 }],
        ];
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, new TestTable(Schema, rows).ToParquet(new ParquetWriterOptions { RowGroupRows = 4 }));

        var actual = ParquetChecker.Metadata(file.Path).GetProperty("rows").EnumerateArray()
            .Select(r => $"{r[0].GetString()} {r[2].GetString()}: min={Text(r[5])} max={Text(r[6])} nulls={Text(r[7])}")
            .ToList();

        string[] expected =
        [
            "0 big: min=-9223372036854775808 max=5 nulls=1",
            // NaN is left out; a zero minimum is written as -0.0 (parquet.thrift)
            "0 price: min=-0.0 max=2.5 nulls=1",
            // UTF-8 byte order: U+1F680 (F0 9F 9A 80) sorts after U+E000 (EE 80 80), unlike UTF-16 order
            "0 name: min=b max=🚀 nulls=1",
            "0 small: min=-2147483648 max=12 nulls=0",
            // null element, null list and empty list each count as a null entry
            "0 prices, list, element: min=-1.5 max=3.0 nulls=3",
            "1 big: min=10 max=30 nulls=0",
            "1 price: min=-1e+300 max=0.0 nulls=0",
            "1 name: min=a max=ab nulls=0",
            "1 small: min=1 max=2 nulls=0",
            "1 prices, list, element: min=-0.0 max=1e-310 nulls=0",
        ];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_column_of_only_nan_has_no_min_or_max()
    {
        var schema = new ParquetSchema(ParquetColumn.Double("price"));
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, new TestTable(schema, [[double.NaN], [double.NaN]]).ToParquet());
        var row = ParquetChecker.Metadata(file.Path).GetProperty("rows")[0];
        Assert.Equal(JsonValueKind.Null, row[5].ValueKind);
        Assert.Equal(JsonValueKind.Null, row[6].ValueKind);
        Assert.Equal("0", row[7].GetString());
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "null" : value.GetString()!;
}
