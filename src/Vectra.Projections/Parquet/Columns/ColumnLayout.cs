using Vectra.Projections.Parquet.Format;
using Vectra.Projections.Parquet.Thrift;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>
/// How one schema column is laid out in the file: its leaf's physical type, path and maximum levels,
/// and the schema elements that describe it. A list is the standard three-level form
/// <c>&lt;optional|required&gt; group name (LIST) { repeated group list { optional double element; } }</c>.
/// </summary>
internal sealed record ColumnLayout(
    ParquetColumn Column,
    PhysicalType PhysicalType,
    IReadOnlyList<string> Path,
    int MaxDefinitionLevel,
    int MaxRepetitionLevel,
    IReadOnlyList<SchemaElement> SchemaElements)
{
    /// <summary>For a list: the definition level of an empty list (0 when the list is required, 1 when optional).</summary>
    public int ListDefinitionLevel => Column.Nullable ? 1 : 0;

    public static ColumnLayout For(ParquetColumn column)
    {
        var repetition = column.Nullable ? FieldRepetition.Optional : FieldRepetition.Required;
        var flatDefinition = column.Nullable ? 1 : 0;
        return column.Type switch
        {
            ParquetColumnType.Boolean => Flat(column, PhysicalType.Boolean, new SchemaElement(column.Name, PhysicalType.Boolean, repetition)),
            ParquetColumnType.Int32 => Flat(column, PhysicalType.Int32, new SchemaElement(
                column.Name, PhysicalType.Int32, repetition, Converted: ConvertedType.Int32, Logical: new LogicalType.SignedInteger(32))),
            ParquetColumnType.Int64 => Flat(column, PhysicalType.Int64, new SchemaElement(
                column.Name, PhysicalType.Int64, repetition, Converted: ConvertedType.Int64, Logical: new LogicalType.SignedInteger(64))),
            ParquetColumnType.Double => Flat(column, PhysicalType.Double, new SchemaElement(column.Name, PhysicalType.Double, repetition)),
            ParquetColumnType.String => Flat(column, PhysicalType.ByteArray, new SchemaElement(
                column.Name, PhysicalType.ByteArray, repetition, Converted: ConvertedType.Utf8, Logical: new LogicalType.String())),
            ParquetColumnType.Timestamp => Flat(column, PhysicalType.Int64, new SchemaElement(
                column.Name, PhysicalType.Int64, repetition, Converted: ConvertedType.TimestampMicros, Logical: new LogicalType.TimestampMicrosUtc())),
            ParquetColumnType.DoubleList => new ColumnLayout(
                column,
                PhysicalType.Double,
                [column.Name, "list", "element"],
                MaxDefinitionLevel: flatDefinition + 2,
                MaxRepetitionLevel: 1,
                [
                    new SchemaElement(column.Name, Repetition: repetition, NumChildren: 1, Converted: ConvertedType.List, Logical: new LogicalType.List()),
                    new SchemaElement("list", Repetition: FieldRepetition.Repeated, NumChildren: 1),
                    new SchemaElement("element", PhysicalType.Double, FieldRepetition.Optional),
                ]),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unsupported column type."),
        };

        ColumnLayout Flat(ParquetColumn c, PhysicalType physical, SchemaElement element) =>
            new(c, physical, [c.Name], flatDefinition, 0, [element]);
    }
}
