namespace Vectra.Projections.Parquet.Thrift;

/// <summary>parquet.thrift <c>ColumnChunk</c>: 2 file_offset (here: where the chunk's first page starts), 3 meta_data.</summary>
internal sealed record ColumnChunk(long FileOffset, ColumnMetaData MetaData)
{
    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I64Field(2, FileOffset);
        MetaData.WriteAsField(writer, 3);
        writer.EndStruct();
    }
}
