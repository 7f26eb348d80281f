using Vectra.Projections.Parquet;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Hand-picked tables that DuckDB and hyparquet must read back exactly.</summary>
public sealed class ParquetRoundTripTests
{
    private static readonly ParquetSchema EveryType = new(
        ParquetColumn.Boolean("flag", nullable: true),
        ParquetColumn.Int32("small", nullable: true),
        ParquetColumn.Int64("big", nullable: true),
        ParquetColumn.Double("price", nullable: true),
        ParquetColumn.String("name", nullable: true),
        ParquetColumn.Timestamp("ts", nullable: true),
        ParquetColumn.DoubleList("prices", nullable: true));

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
        var schema = new ParquetSchema(ParquetColumn.Int64("id"), ParquetColumn.DoubleList("prices", nullable: true));
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
    public void A_required_list_column_keeps_empty_lists_and_null_elements()
    {
        var schema = new ParquetSchema(ParquetColumn.DoubleList("prices"));
        ReaderAssert.RoundTrips(new TestTable(schema, [[Array.Empty<double?>()], [new double?[] { null, 2.0 }], [new double?[] { 3.0 }]]));
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    public void Columns_of_only_nulls_read_back_as_nulls(ParquetCompression compression)
    {
        var options = new ParquetWriterOptions { Compression = compression };
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
        var schema = new ParquetSchema(ParquetColumn.Int32("i"), ParquetColumn.Int64("l"), ParquetColumn.Double("d"));
        double[] doubles = [double.NaN, -0.0, 0.0, double.Epsilon, -double.Epsilon, 2.2250738585072009E-308, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, 0.1];
        (int, long)[] integers = [(int.MinValue, long.MinValue), (int.MaxValue, long.MaxValue), (0, 0), (-1, -1)];
        var rows = doubles.Select((d, i) => new object?[] { integers[i % integers.Length].Item1, integers[i % integers.Length].Item2, d }).ToList();
        ReaderAssert.RoundTrips(new TestTable(schema, rows));
    }

    [Fact]
    public void Long_and_unicode_strings_read_back()
    {
        var schema = new ParquetSchema(ParquetColumn.String("text"));
        var longText = string.Concat(Enumerable.Repeat("long-ü-🚀-", 12_000));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(longText) >= 100 * 1024);
        ReaderAssert.RoundTrips(new TestTable(schema, [[longText], ["漢字 ß é"], ["𝄞 music"], [""], ["\uE000 private use"], [longText + "!"]]));
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Every_compression_reads_back_over_several_row_groups_and_pages(ParquetCompression compression)
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
        var options = new ParquetWriterOptions { Compression = compression, RowGroupRows = 1_000, PageValues = 300 };
        ReaderAssert.RoundTrips(new TestTable(EveryType, rows), options);
    }

    [Fact]
    public void Strings_with_many_distinct_values_fall_back_to_plain_and_read_back()
    {
        var schema = new ParquetSchema(ParquetColumn.String("id"), ParquetColumn.String("kind"));
        var rows = Enumerable.Range(0, 3_000).Select(i => new object?[] { $"id-{i}", i % 2 == 0 ? "even" : "odd" }).ToList();
        var options = new ParquetWriterOptions { MaxDictionaryEntries = 100 };
        ReaderAssert.RoundTrips(new TestTable(schema, rows), options);

        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, new TestTable(schema, rows).ToParquet(options));
        var metadata = ParquetChecker.Metadata(file.Path).GetProperty("rows");
        var encodings = metadata.EnumerateArray().Select(r => r[8].GetString()).ToList();
        Assert.DoesNotContain("RLE_DICTIONARY", encodings[0]);
        Assert.Contains("RLE_DICTIONARY", encodings[1]);
    }
}
