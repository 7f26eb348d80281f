using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Hand-picked tables that DuckDB, hyparquet and Parquet.Net must read back exactly.</summary>
public sealed class ParquetRoundTripTests
{
    private static readonly ExportSchema EveryType = new(
        ExportColumn.Boolean("flag", nullable: true),
        ExportColumn.Int32("small", nullable: true),
        ExportColumn.Int64("big", nullable: true),
        ExportColumn.Double("price", nullable: true),
        ExportColumn.RepeatedString("name", nullable: true),
        ExportColumn.Timestamp("ts", nullable: true),
        ExportColumn.DoubleList("prices", nullable: true));

    [Fact]
    public void A_file_without_rows_reads_as_an_empty_table()
    {
        ReaderAssert.RoundTrips(new TestTable(EveryType, []));
    }

    [Fact]
    public void One_row_of_every_type_reads_back()
    {
        ReaderAssert.RoundTrips(new TestTable(EveryType, [[true, 7, 1L << 40, 1.5, "game-1", 1_700_000_000_123_456L, new double?[] { 1.0, 2.5 }]]));
    }

    [Fact]
    public void Null_lists_empty_lists_and_null_elements_stay_distinct()
    {
        var schema = new ExportSchema(ExportColumn.Int64("id"), ExportColumn.DoubleList("prices", nullable: true));
        ReaderAssert.RoundTrips(new TestTable(schema,
        [
            [1L, null],
            [2L, Array.Empty<double?>()],
            [3L, new double?[] { null }],
            [4L, new double?[] { 1.25, null, -3.5 }],
            [5L, new double?[] { null, null }],
            [6L, null],
        ]));
    }

    [Fact]
    public void A_list_column_declared_required_is_refused_because_the_file_would_say_optional()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExportSchema(ExportColumn.DoubleList("prices")));
        Assert.Contains("prices", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExportCompression.Snappy)]
    [InlineData(ExportCompression.Zstd)]
    public void Columns_of_only_nulls_read_back_as_nulls(ExportCompression compression)
    {
        var options = new ExportWriterOptions { Compression = compression };
        ReaderAssert.RoundTrips(new TestTable(EveryType, [.. Enumerable.Range(0, 20).Select(_ => new object?[7])]), options);
    }

    [Fact]
    public void Duckdb_sees_the_declared_column_types()
    {
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, new TestTable(EveryType, []).ToParquet());
        var columns = ParquetChecker.Read(file.Path).GetProperty("duckdb").GetProperty("columns").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("type").GetString()}");
        Assert.Equal(
            ["flag BOOLEAN", "small INTEGER", "big BIGINT", "price DOUBLE", "name VARCHAR", "ts TIMESTAMP WITH TIME ZONE", "prices DOUBLE[]"],
            columns);
    }

    [Fact]
    public void Extreme_numbers_keep_every_bit()
    {
        var schema = new ExportSchema(ExportColumn.Int32("i"), ExportColumn.Int64("l"), ExportColumn.Double("d"));
        double[] doubles = [double.NaN, -0.0, 0.0, double.Epsilon, -double.Epsilon, 2.2250738585072009E-308, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, 0.1];
        (int, long)[] integers = [(int.MinValue, long.MinValue), (int.MaxValue, long.MaxValue), (0, 0), (-1, -1)];
        var rows = doubles.Select((d, i) => new object?[] { integers[i % integers.Length].Item1, integers[i % integers.Length].Item2, d }).ToList();
        ReaderAssert.RoundTrips(new TestTable(schema, rows));
    }

    [Fact]
    public void Long_and_unicode_strings_read_back()
    {
        var schema = new ExportSchema(ExportColumn.String("text"));
        var longText = string.Concat(Enumerable.Repeat("long-ü-🚀-", 12_000));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(longText) >= 100 * 1024);
        ReaderAssert.RoundTrips(new TestTable(schema, [[longText], ["漢字 ß é"], ["𝄞 music"], [""], ["\uE000 private use"], [longText + "!"]]));
    }

    [Theory]
    [InlineData(ExportCompression.Snappy)]
    [InlineData(ExportCompression.Zstd)]
    public void Every_compression_reads_back_over_several_row_groups(ExportCompression compression)
    {
        var rows = Enumerable.Range(0, 2_500).Select(i => new object?[]
        {
            i % 3 == 0,
            i % 7 == 0 ? null : i,
            (long)i * 1_000_003,
            i / 7.0,
            $"game-{i % 13}",
            1_700_000_000_000_000L + (i * 250_000L),
            i % 5 == 0 ? null : Enumerable.Range(0, i % 4).Select(k => (double?)(k == 1 ? null : i + (k / 10.0))).ToArray(),
        }).ToList();
        var options = new ExportWriterOptions { Compression = compression, RowGroupRows = 1_000 };
        ReaderAssert.RoundTrips(new TestTable(EveryType, rows), options);
    }

    [Fact]
    public void Row_groups_end_at_the_character_and_list_bounds_and_read_back()
    {
        var rows = Enumerable.Range(0, 600).Select(i => new object?[]
        {
            null, i, (long)i, null, $"player-{i % 5}-" + new string('x', i % 50), null, Enumerable.Range(0, i % 9).Select(k => (double?)k).ToArray(),
        }).ToList();
        var table = new TestTable(EveryType, rows);
        var options = new ExportWriterOptions { RowGroupChars = 2_000, RowGroupListSlots = 500 };
        ReaderAssert.RoundTrips(table, options);

        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, table.ToParquet(options));
        var groups = ParquetChecker.Metadata(file.Path).GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()).Distinct().Count();
        Assert.True(groups >= 5, $"{groups} row groups");
    }

    [Fact]
    public void Repeated_strings_are_dictionary_encoded_and_other_strings_are_not()
    {
        var schema = new ExportSchema(ExportColumn.String("id"), ExportColumn.RepeatedString("kind"));
        var rows = Enumerable.Range(0, 3_000).Select(i => new object?[] { $"id-{i}", i % 2 == 0 ? "even" : "odd" }).ToList();
        ReaderAssert.RoundTrips(new TestTable(schema, rows));

        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, new TestTable(schema, rows).ToParquet());
        var encodings = ParquetChecker.Metadata(file.Path).GetProperty("rows").EnumerateArray().Select(r => r[8].GetString()!).ToList();
        Assert.DoesNotContain("DICTIONARY", encodings[0], StringComparison.Ordinal);
        Assert.Contains("DICTIONARY", encodings[1], StringComparison.Ordinal);
    }
}
