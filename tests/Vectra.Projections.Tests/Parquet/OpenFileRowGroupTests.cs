using Parquet;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Open tail files are written in row groups of at most 16 Ki rows; closed files keep theirs; every row reads back.</summary>
public sealed class OpenFileRowGroupTests
{
    private static readonly ExportSchema Schema = new(
        ExportColumn.RepeatedString("game_id"),
        ExportColumn.Int64("tick"),
        ExportColumn.Double("price", nullable: true),
        ExportColumn.Timestamp("ts"),
        ExportColumn.String("data", nullable: true),
        ExportColumn.DoubleList("prices", nullable: true));

    [Fact]
    public async Task Open_file_options_end_row_groups_at_16_ki_rows_and_keep_every_row()
    {
        var table = new TestTable(Schema, [.. Enumerable.Range(0, 35_000).Select(i => new object?[]
        {
            $"game-{i % 17}",
            (long)i,
            i % 11 == 0 ? null : Math.Sin(i),
            1_700_000_000_000_000L + i,
            i % 13 == 0 ? null : $"{{\"tick\":{i}}}",
            i % 9 == 0 ? null : Enumerable.Range(0, i % 4).Select(k => (double?)(k == 1 ? null : i + k)).ToArray(),
        })]);
        var open = new ExportWriterOptions().ForOpenFiles();
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, table.ToParquet(open));

        await using (var reader = await ParquetReader.CreateAsync(file.Path))
        {
            Assert.Equal(3, reader.RowGroupCount);
        }
        ReaderAssert.RoundTrips(table, open);
        Assert.Equal(128 * 1024, new ExportWriterOptions().RowGroupRows); // the closed files' groups, which rebuilds compare, are unchanged
    }
}
