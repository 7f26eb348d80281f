using Vectra.Projections.Parquet.Format;

namespace Vectra.Projections.Parquet.Thrift;

/// <summary>
/// parquet.thrift <c>PageHeader</c>: 1 type, 2 uncompressed_page_size, 3 compressed_page_size,
/// 5 data_page_header or 7 dictionary_page_header. No CRC (field 4) is written.
/// </summary>
internal readonly record struct PageHeader(
    PageType Type,
    int UncompressedSize,
    int CompressedSize,
    DataPageHeader? DataPage,
    DictionaryPageHeader? DictionaryPage)
{
    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, (int)Type);
        writer.I32Field(2, UncompressedSize);
        writer.I32Field(3, CompressedSize);
        DataPage?.WriteAsField(writer, 5);
        DictionaryPage?.WriteAsField(writer, 7);
        writer.EndStruct();
    }
}
