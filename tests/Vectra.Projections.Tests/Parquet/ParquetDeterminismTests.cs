using System.Text;
using Vectra.Projections.Parquet;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>The same rows give the same bytes, so a rebuilt export is identical to the original.</summary>
public sealed class ParquetDeterminismTests
{
    private static TestTable Table()
    {
        var schema = new ParquetSchema(
            ParquetColumn.String("game_id"),
            ParquetColumn.Int64("tick"),
            ParquetColumn.Double("price", nullable: true),
            ParquetColumn.Timestamp("ts"),
            ParquetColumn.DoubleList("prices", nullable: true));
        var rows = Enumerable.Range(0, 5_000).Select(i => new object?[]
        {
            $"game-{i % 17}",
            (long)i,
            i % 11 == 0 ? null : Math.Sin(i),
            1_700_000_000_000_000L + i,
            i % 9 == 0 ? null : new double?[] { i, i / 3.0 },
        }).ToList();
        return new TestTable(schema, rows);
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Writing_the_same_rows_twice_gives_identical_bytes(ParquetCompression compression)
    {
        var options = new ParquetWriterOptions { Compression = compression, RowGroupRows = 2_000 };
        var first = Table().ToParquet(options);
        var second = Table().ToParquet(options);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Encoding_column_chunks_in_parallel_gives_the_same_bytes_as_one_after_another(ParquetCompression compression)
    {
        var options = new ParquetWriterOptions { Compression = compression, RowGroupRows = 2_000, PageValues = 700 };
        var sequential = Table().ToParquet(options with { EncodingThreads = 1 });
        Assert.Equal(sequential, Table().ToParquet(options with { EncodingThreads = 2 }));
        Assert.Equal(sequential, Table().ToParquet(options with { EncodingThreads = 8 }));
    }

    [Fact]
    public void The_footer_names_the_fixed_writer_and_no_version_or_time()
    {
        var bytes = Table().ToParquet();
        var createdBy = Encoding.UTF8.GetBytes(ParquetFileWriter.CreatedBy);
        Assert.True(bytes.AsSpan().IndexOf(createdBy) > 0);
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
    }
}
