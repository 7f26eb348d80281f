using Parquet;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>
/// Export writers take their column arrays from those of earlier files: a file's bytes and rows must not depend on what
/// was written before it, nor on a file abandoned half way; and open tail files use smaller row groups.
/// </summary>
public sealed class ColumnArrayReuseTests
{
    private static readonly ExportSchema Schema = new(
        ExportColumn.RepeatedString("game_id"),
        ExportColumn.Int64("tick"),
        ExportColumn.Int32("count", nullable: true),
        ExportColumn.Double("price", nullable: true),
        ExportColumn.Boolean("active", nullable: true),
        ExportColumn.Timestamp("ts"),
        ExportColumn.String("data", nullable: true),
        ExportColumn.DoubleList("prices", nullable: true));

    private static TestTable Table(int rows, int salt) => new(Schema, [.. Enumerable.Range(0, rows).Select(i => new object?[]
    {
        $"game-{(i + salt) % 17}",
        (long)i * salt,
        (i + salt) % 7 == 0 ? null : i + salt,
        (i + salt) % 11 == 0 ? null : Math.Sin(i + salt),
        (i + salt) % 5 == 0 ? null : i % 2 == 0,
        1_700_000_000_000_000L + i + salt,
        (i + salt) % 13 == 0 ? null : $"{{\"tick\":{i},\"salt\":{salt}}}",
        (i + salt) % 9 == 0 ? null : Enumerable.Range(0, (i + salt) % 4).Select(k => (double?)(k == 1 ? null : i + k)).ToArray(),
    })]);

    [Fact]
    public void A_file_written_after_larger_files_has_the_same_bytes_and_rows_as_before_them()
    {
        var small = Table(3_000, salt: 1);
        var first = small.ToParquet();

        Table(40_000, salt: 2).ToParquet();
        Table(150_000, salt: 3).ToParquet(new ExportWriterOptions { RowGroupRows = 100_000 });
        var again = small.ToParquet();

        Assert.Equal(first, again);
        ReaderAssert.RoundTrips(small);
    }

    [Fact]
    public void A_file_abandoned_half_way_leaves_nothing_in_the_next_one()
    {
        var table = Table(5_000, salt: 4);
        var expected = table.ToParquet();

        using (var stream = new MemoryStream())
        using (var abandoned = new ExportFileWriter(stream, Schema))
        {
            foreach (var row in Table(20_000, salt: 5).Rows)
            {
                abandoned.WriteRow(row);
            }
        }

        Assert.Equal(expected, table.ToParquet());
    }

    [Fact]
    public async Task Open_file_options_end_row_groups_at_16_ki_rows_and_keep_every_row()
    {
        var table = Table(35_000, salt: 6);
        var options = new ExportWriterOptions().ForOpenFiles();
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, table.ToParquet(options));

        await using (var reader = await ParquetReader.CreateAsync(file.Path))
        {
            Assert.Equal(3, reader.RowGroupCount);
        }
        ReaderAssert.RoundTrips(table, options);
    }
}
