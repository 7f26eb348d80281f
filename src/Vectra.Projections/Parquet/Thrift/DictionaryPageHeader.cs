using Vectra.Projections.Parquet.Format;

namespace Vectra.Projections.Parquet.Thrift;

/// <summary>parquet.thrift <c>DictionaryPageHeader</c>: 1 num_values, 2 encoding (PLAIN, as the specification asks of new writers).</summary>
internal readonly record struct DictionaryPageHeader(int NumValues)
{
    public void WriteAsField(CompactWriter writer, short id)
    {
        writer.StructField(id);
        writer.I32Field(1, NumValues);
        writer.I32Field(2, (int)ValueEncoding.Plain);
        writer.EndStruct();
    }
}
