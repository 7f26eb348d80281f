using Vectra.Projections.Exports.Writing;
using Xunit.Abstractions;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>A million-row export read back by DuckDB: every value is checked against the formula that produced it.</summary>
public sealed class ParquetMillionRowTests(ITestOutputHelper output)
{
    private const int Rows = 1_000_000;
    private const long EpochMicros = 1_700_000_000_000_000L;

    [Fact]
    public void A_million_rows_read_back_by_duckdb_match_value_for_value()
    {
        using var ours = new TemporaryFile();
        using var duckdbOwn = new TemporaryFile();
        var schema = new ExportSchema(
            ExportColumn.RepeatedString("game_id"),
            ExportColumn.Int64("tick"),
            ExportColumn.Double("price"),
            ExportColumn.Timestamp("ts"),
            ExportColumn.Boolean("backfilled"));
        using (var stream = File.Create(ours.Path))
        using (var writer = new ExportFileWriter(stream, schema, new ExportWriterOptions { RowGroupRows = 250_000 }))
        {
            for (var tick = 0L; tick < Rows; tick++)
            {
                writer.WriteString(0, $"game-{tick % 50}");
                writer.WriteInt64(1, tick);
                writer.WriteDouble(2, tick / 7.0);
                writer.WriteTimestampMicros(3, EpochMicros + (tick * 250_000));
                writer.WriteBoolean(4, tick % 3 == 0);
                writer.EndRow();
            }
            writer.Finish();
        }

        var file = ParquetChecker.SqlLiteral(ours.Path);
        var result = ParquetChecker.Query($"""
            SELECT count(*), sum(tick), count(DISTINCT tick), min(tick), max(tick),
                   count(*) FILTER (WHERE price = tick::DOUBLE / 7::DOUBLE
                                      AND epoch_us(ts) = {EpochMicros} + tick * 250000
                                      AND game_id = 'game-' || (tick % 50)::VARCHAR
                                      AND backfilled = (tick % 3 = 0))
            FROM read_parquet({file})
            """).GetProperty("rows")[0];
        string[] values = [.. result.EnumerateArray().Select(v => v.GetString() ?? "null")];
        Assert.Equal<string>(["1000000", "499999500000", "1000000", "0", "999999", "1000000"], values);

        // Size comparison for the benchmark notes, not an assertion.
        ParquetChecker.Query($"COPY (SELECT * FROM read_parquet({file})) TO {ParquetChecker.SqlLiteral(duckdbOwn.Path)} (FORMAT parquet, COMPRESSION snappy)");
        output.WriteLine($"ours: {new FileInfo(ours.Path).Length} bytes; DuckDB snappy: {new FileInfo(duckdbOwn.Path).Length} bytes");
    }
}
