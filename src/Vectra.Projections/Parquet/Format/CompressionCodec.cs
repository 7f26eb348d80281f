namespace Vectra.Projections.Parquet.Format;

/// <summary>The page compression codecs this writer produces; values are the Thrift enum numbers.</summary>
internal enum CompressionCodec
{
    Uncompressed = 0,
    Snappy = 1,
    Gzip = 2,
}
