using Vectra.Projections.Parquet.Format;

namespace Vectra.Projections.Parquet.Thrift;

/// <summary>
/// parquet.thrift <c>ColumnMetaData</c>: 1 type, 2 encodings, 3 path_in_schema, 4 codec, 5 num_values,
/// 6 total_uncompressed_size, 7 total_compressed_size, 9 data_page_offset, 11 dictionary_page_offset, 12 statistics.
/// </summary>
internal sealed record ColumnMetaData(
    PhysicalType Type,
    IReadOnlyList<ValueEncoding> Encodings,
    IReadOnlyList<string> Path,
    CompressionCodec Codec,
    long NumValues,
    long TotalUncompressedSize,
    long TotalCompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    Statistics Statistics)
{
    public void WriteAsField(CompactWriter writer, short id)
    {
        writer.StructField(id);
        writer.I32Field(1, (int)Type);
        writer.ListField(2, CompactType.I32, Encodings.Count);
        foreach (var encoding in Encodings)
        {
            writer.I32((int)encoding);
        }
        writer.ListField(3, CompactType.Binary, Path.Count);
        foreach (var part in Path)
        {
            writer.String(part);
        }
        writer.I32Field(4, (int)Codec);
        writer.I64Field(5, NumValues);
        writer.I64Field(6, TotalUncompressedSize);
        writer.I64Field(7, TotalCompressedSize);
        writer.I64Field(9, DataPageOffset);
        if (DictionaryPageOffset is { } dictionaryOffset)
        {
            writer.I64Field(11, dictionaryOffset);
        }
        Statistics.WriteAsField(writer, 12);
        writer.EndStruct();
    }
}
