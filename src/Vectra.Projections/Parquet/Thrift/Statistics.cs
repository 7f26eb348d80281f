namespace Vectra.Projections.Parquet.Thrift;

/// <summary>
/// parquet.thrift <c>Statistics</c>: 3 null_count, 5 max_value, 6 min_value (PLAIN bytes, no length prefix for strings).
/// The deprecated min/max fields 1 and 2 are not written: their sort order is undefined for strings.
/// </summary>
internal sealed record Statistics(long NullCount, byte[]? MinValue, byte[]? MaxValue)
{
    public void WriteAsField(CompactWriter writer, short id)
    {
        writer.StructField(id);
        writer.I64Field(3, NullCount);
        if (MaxValue is not null && MinValue is not null)
        {
            writer.BinaryField(5, MaxValue);
            writer.BinaryField(6, MinValue);
        }
        writer.EndStruct();
    }
}
