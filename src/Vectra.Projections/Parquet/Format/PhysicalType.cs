namespace Vectra.Projections.Parquet.Format;

/// <summary>The physical (storage) types of the Parquet specification; values are the Thrift enum numbers.</summary>
internal enum PhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Double = 5,
    ByteArray = 6,
}
