using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>The same rows give the same bytes, so a rebuilt export is identical to the original.</summary>
public sealed class ParquetDeterminismTests
{
    private static TestTable Table()
    {
        var schema = new ExportSchema(
            ExportColumn.RepeatedString("game_id"),
            ExportColumn.Int64("tick"),
            ExportColumn.Double("price", nullable: true),
            ExportColumn.Timestamp("ts"),
            ExportColumn.String("data", nullable: true),
            ExportColumn.DoubleList("prices", nullable: true));
        var rows = Enumerable.Range(0, 5_000).Select(i => new object?[]
        {
            $"game-{i % 17}",
            (long)i,
            i % 11 == 0 ? null : Math.Sin(i),
            1_700_000_000_000_000L + i,
            i % 13 == 0 ? null : $"{{\"tick\":{i},\"price\":{Math.Sin(i)}}}",
            i % 9 == 0 ? null : new double?[] { i, i / 3.0 },
        }).ToList();
        return new TestTable(schema, rows);
    }

    [Theory]
    [InlineData(ExportCompression.Snappy)]
    [InlineData(ExportCompression.Zstd)]
    public void Writing_the_same_rows_twice_gives_identical_bytes(ExportCompression compression)
    {
        var options = new ExportWriterOptions { Compression = compression, RowGroupRows = 2_000 };
        var first = Table().ToParquet(options);
        var second = Table().ToParquet(options);
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_file_is_framed_by_the_magic_bytes_and_names_parquet_net_as_its_writer()
    {
        var bytes = Table().ToParquet();
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        Assert.True(bytes.AsSpan().IndexOf("Parquet.Net"u8) > 0);
    }
}
