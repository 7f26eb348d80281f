using Vectra.Projections.Parquet.Format;

namespace Vectra.Projections.Parquet.Thrift;

/// <summary>parquet.thrift <c>DataPageHeader</c> (v1): 1 num_values, 2 encoding, 3 definition_level_encoding, 4 repetition_level_encoding.</summary>
internal readonly record struct DataPageHeader(int NumValues, ValueEncoding Encoding)
{
    public void WriteAsField(CompactWriter writer, short id)
    {
        writer.StructField(id);
        writer.I32Field(1, NumValues);
        writer.I32Field(2, (int)Encoding);
        writer.I32Field(3, (int)ValueEncoding.Rle);
        writer.I32Field(4, (int)ValueEncoding.Rle);
        writer.EndStruct();
    }
}
