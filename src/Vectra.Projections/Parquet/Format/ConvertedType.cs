namespace Vectra.Projections.Parquet.Format;

/// <summary>The legacy converted types, still written beside logical types so that older readers understand the columns.</summary>
internal enum ConvertedType
{
    Utf8 = 0,
    List = 3,
    TimestampMicros = 10,
    Int32 = 17,
    Int64 = 18,
}
