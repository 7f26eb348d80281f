namespace Vectra.Projections.Parquet.Thrift;

/// <summary>
/// parquet.thrift <c>RowGroup</c>: 1 columns, 2 total_byte_size (uncompressed), 3 num_rows,
/// 5 file_offset, 6 total_compressed_size, 7 ordinal.
/// </summary>
internal sealed record RowGroup(IReadOnlyList<ColumnChunk> Columns, long NumRows, short Ordinal)
{
    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.ListField(1, CompactType.Struct, Columns.Count);
        foreach (var column in Columns)
        {
            column.Write(writer);
        }
        writer.I64Field(2, Columns.Sum(c => c.MetaData.TotalUncompressedSize));
        writer.I64Field(3, NumRows);
        writer.I64Field(5, Columns[0].FileOffset);
        writer.I64Field(6, Columns.Sum(c => c.MetaData.TotalCompressedSize));
        writer.I32Field(7, Ordinal);
        writer.EndStruct();
    }
}
