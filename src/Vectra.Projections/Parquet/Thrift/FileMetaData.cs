namespace Vectra.Projections.Parquet.Thrift;

/// <summary>
/// parquet.thrift <c>FileMetaData</c>, the footer: 1 version, 2 schema, 3 num_rows, 4 row_groups,
/// 6 created_by, 7 column_orders (TYPE_ORDER for every leaf, so readers trust min_value/max_value).
/// </summary>
internal sealed record FileMetaData(
    IReadOnlyList<SchemaElement> Schema,
    long NumRows,
    IReadOnlyList<RowGroup> RowGroups,
    int LeafColumnCount,
    string CreatedBy)
{
    private const int FormatVersion = 1;

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, FormatVersion);
        writer.ListField(2, CompactType.Struct, Schema.Count);
        foreach (var element in Schema)
        {
            element.Write(writer);
        }
        writer.I64Field(3, NumRows);
        writer.ListField(4, CompactType.Struct, RowGroups.Count);
        foreach (var rowGroup in RowGroups)
        {
            rowGroup.Write(writer);
        }
        writer.StringField(6, CreatedBy);
        writer.ListField(7, CompactType.Struct, LeafColumnCount);
        for (var i = 0; i < LeafColumnCount; i++)
        {
            WriteTypeDefinedOrder(writer);
        }
        writer.EndStruct();
    }

    /// <summary>ColumnOrder union member 1, TYPE_ORDER: an empty struct.</summary>
    private static void WriteTypeDefinedOrder(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.StructField(1);
        writer.EndStruct();
        writer.EndStruct();
    }
}
