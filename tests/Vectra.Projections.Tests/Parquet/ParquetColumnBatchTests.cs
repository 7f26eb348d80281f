using System.Text.Json;
using Vectra.Projections.Parquet;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Rows handed over in column batches (<c>WriteColumn</c>/<c>EndBatch</c>) give the same file as row by row.</summary>
public sealed class ParquetColumnBatchTests
{
    private static readonly ParquetSchema Schema = new(
        ParquetColumn.String("game_id"),
        ParquetColumn.Int32("tick"),
        ParquetColumn.Double("price"),
        ParquetColumn.Boolean("backfilled"),
        ParquetColumn.Int64("seq"),
        ParquetColumn.Timestamp("ts"),
        ParquetColumn.String("note", nullable: true),
        ParquetColumn.Double("missing", nullable: true));

    // Cumulative sums hit 1,000 and 2,000 exactly, so row groups end where row-by-row writing ends them.
    private static readonly int[] AlignedBatches = [1, 0, 7, 392, 600, 1000, 250, 0, 250];

    private static TestTable Table()
    {
        string[] ids = [.. Enumerable.Range(0, 40).Select(i => $"game-{i}")];
        string[] notes = ["", "a", "", "", "b", "b", "é☃ ünïcode", "b"];
        var rows = Enumerable.Range(0, 2_500).Select(i => new object?[]
        {
            // Runs of the very same string object, with an equal copy (another object) every 13th row.
            i % 13 == 0 ? new string(ids[i / 37 % ids.Length]) : ids[i / 37 % ids.Length],
            i % 500,
            i % 17 == 0 ? double.NaN : Math.Sin(i) * 1e6,
            i % 7 == 0,
            i + 1L,
            1_765_577_818_000_000L + (i * 250_000L),
            i % 5 == 0 ? null : notes[i % notes.Length],
            null,
        }).ToList();
        return new TestTable(Schema, rows);
    }

    private static byte[] WriteInBatches(TestTable table, IReadOnlyList<int> batches, ParquetWriterOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, table.Schema, options))
        {
            var start = 0;
            foreach (var length in batches)
            {
                var rows = table.Rows.Skip(start).Take(length).ToList();
                writer.WriteColumn(0, rows.Select(r => (string?)r[0]).ToArray());
                writer.WriteColumn(1, rows.Select(r => (int)r[1]!).ToArray());
                writer.WriteColumn(2, rows.Select(r => (double)r[2]!).ToArray());
                writer.WriteColumn(3, rows.Select(r => (bool)r[3]!).ToArray());
                writer.WriteColumn(4, rows.Select(r => (long)r[4]!).ToArray());
                writer.WriteColumn(5, rows.Select(r => (long)r[5]!).ToArray());
                writer.WriteColumn(6, rows.Select(r => (string?)r[6]).ToArray());
                // Column 7 is left unset: every row of the batch gets a null.
                writer.EndBatch();
                start += length;
            }
            Assert.Equal(table.Rows.Count, start);
            Assert.Equal(table.Rows.Count, writer.RowCount);
            writer.Finish();
        }
        return stream.ToArray();
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Column_batches_give_the_same_bytes_as_row_by_row_writing(ParquetCompression compression)
    {
        var options = new ParquetWriterOptions { Compression = compression, RowGroupRows = 1_000, PageValues = 300 };
        var table = Table();
        // One encoding thread encodes every page at the flush; more start complete pages while rows still arrive.
        var sequential = table.ToParquet(options with { EncodingThreads = 1 });
        Assert.Equal(sequential, table.ToParquet(options with { EncodingThreads = 2 }));
        Assert.Equal(sequential, WriteInBatches(table, AlignedBatches, options with { EncodingThreads = 1 }));
        Assert.Equal(sequential, WriteInBatches(table, AlignedBatches, options with { EncodingThreads = 2 }));
        Assert.Equal(sequential, WriteInBatches(table, AlignedBatches, options with { EncodingThreads = 8 }));
    }

    [Fact]
    public void Column_batches_read_back_identically_by_duckdb_and_hyparquet()
    {
        var table = Table();
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, WriteInBatches(table, AlignedBatches, new ParquetWriterOptions { RowGroupRows = 1_000, PageValues = 300 }));
        var read = ParquetChecker.Read(file.Path);
        ReaderAssert.SameRows(table, read.GetProperty("duckdb").GetProperty("rows"), "DuckDB");
        ReaderAssert.SameRows(table, read.GetProperty("hyparquet").GetProperty("rows"), "hyparquet");
    }

    [Fact]
    public void A_batch_is_never_split_so_a_row_group_ends_at_the_first_batch_that_fills_it()
    {
        var table = Table();
        using var file = new TemporaryFile();
        File.WriteAllBytes(file.Path, WriteInBatches(table, [600, 600, 600, 700], new ParquetWriterOptions { RowGroupRows = 1_000 }));
        var groups = ParquetChecker.Query($"SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata({ParquetChecker.SqlLiteral(file.Path)}) ORDER BY 1");
        var sizes = groups.GetProperty("rows").EnumerateArray().Select(row => row[1].GetString()).ToList();
        Assert.Equal(["1200", "1300"], sizes);
        var read = ParquetChecker.Read(file.Path);
        ReaderAssert.SameRows(table, read.GetProperty("duckdb").GetProperty("rows"), "DuckDB");
    }

    [Fact]
    public void Batch_columns_of_different_lengths_are_refused()
    {
        using var writer = new ParquetFileWriter(Stream.Null, Schema);
        writer.WriteColumn(1, new int[3]);
        Assert.Throws<ArgumentException>(() => writer.WriteColumn(2, new double[2]));
    }

    [Fact]
    public void A_batch_cannot_mix_with_row_by_row_writes()
    {
        using var writer = new ParquetFileWriter(Stream.Null, Schema);
        writer.WriteColumn(1, new int[3]);
        Assert.Throws<InvalidOperationException>(() => writer.WriteInt64(4, 1));
        Assert.Throws<InvalidOperationException>(() => writer.WriteNull(6));
        Assert.Throws<InvalidOperationException>(writer.EndRow);
        Assert.Throws<InvalidOperationException>(writer.Finish);

        using var other = new ParquetFileWriter(Stream.Null, Schema);
        other.WriteInt32(1, 5);
        Assert.Throws<InvalidOperationException>(() => other.WriteColumn(2, new double[1]));
    }

    [Fact]
    public void A_required_column_left_out_of_a_batch_is_refused()
    {
        using var writer = new ParquetFileWriter(Stream.Null, Schema);
        writer.WriteColumn(1, new int[3]);
        Assert.Throws<InvalidOperationException>(writer.EndBatch);
    }

    [Fact]
    public void A_batch_column_of_another_type_or_set_twice_is_refused()
    {
        using var writer = new ParquetFileWriter(Stream.Null, Schema);
        Assert.Throws<ArgumentException>(() => writer.WriteColumn(1, new long[3]));
        writer.WriteColumn(1, new int[3]);
        Assert.Throws<InvalidOperationException>(() => writer.WriteColumn(1, new int[3]));
    }

    [Fact]
    public void Ending_a_batch_that_was_never_started_is_refused()
    {
        using var writer = new ParquetFileWriter(Stream.Null, Schema);
        Assert.Throws<InvalidOperationException>(writer.EndBatch);
    }

    [Fact]
    public void Repeated_and_empty_strings_row_by_row_read_back_exactly()
    {
        var schema = new ParquetSchema(ParquetColumn.String("s", nullable: true));
        var a = "same";
        string?[] values = ["", "x", "", "", "x", "x", null, "x", a, a, new string(a), "", null, "", "ü", "ü"];
        // Both the dictionary and, with no dictionary allowed, PLAIN pages.
        ReaderAssert.RoundTrips(new TestTable(schema, [.. values.Select(v => new object?[] { v })]));
        ReaderAssert.RoundTrips(new TestTable(schema, [.. values.Select(v => new object?[] { v })]), new ParquetWriterOptions { MaxDictionaryEntries = 0 });
    }

    [Fact]
    public void Repeated_and_empty_strings_in_a_batch_read_back_exactly()
    {
        var schema = new ParquetSchema(ParquetColumn.String("s", nullable: true));
        var a = "same";
        string?[] values = ["", "x", "", "", "x", "x", null, "x", a, a, new string(a), "", null, "", "ü", "ü"];
        using var file = new TemporaryFile();
        using (var stream = File.Create(file.Path))
        using (var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions { MaxDictionaryEntries = 0 }))
        {
            writer.WriteColumn(0, values.AsSpan(0, 9));
            writer.EndBatch();
            writer.WriteColumn(0, values.AsSpan(9));
            writer.EndBatch();
            writer.Finish();
        }
        var rows = ParquetChecker.Read(file.Path).GetProperty("duckdb").GetProperty("rows");
        Assert.Equal(values, rows.EnumerateArray().Select(row => row[0].ValueKind == JsonValueKind.Null ? null : row[0].GetString()).ToArray());
    }
}
