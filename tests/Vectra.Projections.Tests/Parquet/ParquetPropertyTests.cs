using FsCheck;
using FsCheck.Fluent;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Random tables of every column type, written with random options, read back exactly by DuckDB, hyparquet and Parquet.Net.</summary>
public sealed class ParquetPropertyTests
{
    /// <summary>A table and the options it is written with.</summary>
    public sealed record TableCase(TestTable Table, ExportWriterOptions Options)
    {
        public override string ToString() => $"{Table} with {Options}";
    }

    private static readonly string LongText = string.Concat(Enumerable.Repeat("0123456789abcdéf🚀", 6_000));

    private static readonly double[] SpecialDoubles =
    [
        double.NaN, -0.0, 0.0, double.Epsilon, -double.Epsilon, 2.2250738585072009E-308, 2.2250738585072014E-308,
        double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, 0.1, 1.0 / 3,
    ];

    private static readonly string[] TextPieces = ["a", "game-", "Z", "0", " ", "é", "ß", "漢字", "🚀", "𝄞", "\uE000", "\uFFFD", "\"quote\"", "\\", "\n"];

    private static Gen<double> Doubles => Gen.OneOf(ArbMap.Default.GeneratorFor<double>(), Gen.Elements(SpecialDoubles));

    private static Gen<object?> Values(ExportColumnType type) => type switch
    {
        ExportColumnType.Boolean => Gen.Elements<object?>(true, false),
        ExportColumnType.Int32 => Gen.OneOf(ArbMap.Default.GeneratorFor<int>(), Gen.Elements(int.MinValue, int.MaxValue, 0, -1)).Select(v => (object?)v),
        ExportColumnType.Int64 => Gen.OneOf(ArbMap.Default.GeneratorFor<long>(), Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L)).Select(v => (object?)v),
        ExportColumnType.Double => Doubles.Select(v => (object?)v),
        ExportColumnType.String => Gen.Frequency(
            (1, Gen.Constant(LongText)),
            (6, Gen.Elements("game-1", "game-2", "game-3")),
            (30, Gen.Elements(TextPieces).ArrayOf().Select(string.Concat))).Select(v => (object?)v),
        ExportColumnType.Timestamp =>
            from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000)
            from micros in Gen.Choose(0, 999_999)
            select (object?)((seconds * 1_000_000L) + micros),
        ExportColumnType.DoubleList => Gen.OneOf(Doubles.Select(d => (double?)d), Gen.Constant<double?>(null))
            .ArrayOf().Select(list => (object?)list),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>0 = never null, 1 = sometimes, 2 = always (only for nullable columns).</summary>
    private static Gen<object?> Cells(ExportColumn column, int nullness) => (column.Nullable, nullness) switch
    {
        (true, 2) => Gen.Constant<object?>(null),
        (true, 1) => Gen.Frequency((1, Gen.Constant<object?>(null)), (3, Values(column.Type))),
        _ => Values(column.Type),
    };

    private static Gen<TestTable> Tables =>
        from nullable in Gen.Elements(true, false).ArrayOf(7)
        from nullness in Gen.Elements(0, 1, 2).ArrayOf(7)
        from rowCount in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Constant(1)), (6, Gen.Choose(2, 40)), (1, Gen.Choose(300, 700)))
        from dictionary in Gen.Elements(true, false)
        let schema = new ExportSchema(Enum.GetValues<ExportColumnType>().Select((type, i) =>
            new ExportColumn($"c{i}_{type}", type, nullable[i] || type == ExportColumnType.DoubleList, dictionary && type == ExportColumnType.String)))
        from rows in Gen.CollectToArray(Enumerable.Range(0, schema.Columns.Count), i => Cells(schema.Columns[i], nullness[i])).ArrayOf(rowCount)
        select new TestTable(schema, rows);

    private static Gen<ExportWriterOptions> Options =>
        from compression in Gen.Elements(Enum.GetValues<ExportCompression>())
        from rowGroupRows in Gen.Frequency((1, Gen.Choose(1, 50)), (2, Gen.Constant(128 * 1024)))
        from rowGroupChars in Gen.Frequency((1, Gen.Choose(1, 5_000)), (2, Gen.Constant(8 << 20)))
        select new ExportWriterOptions { Compression = compression, RowGroupRows = rowGroupRows, RowGroupChars = rowGroupChars };

    [Fact]
    public void Random_tables_of_every_type_read_back_exactly_with_duckdb_hyparquet_and_parquet_net()
    {
        var cases = from table in Tables from options in Options select new TableCase(table, options);
        Prop.ForAll(Arb.From(cases), c => ReaderAssert.RoundTrips(c.Table, c.Options))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(40).WithQuietOnSuccess(true));
    }
}
