using System.IO.Compression;
using Vectra.Projections.Parquet.Format;

namespace Vectra.Projections.Parquet.Writing;

/// <summary>Compresses page bodies with the chosen codec; Snappy is the raw block format, as Parquet expects.</summary>
internal sealed class PageCompressor(ParquetCompression compression) : IDisposable
{
    private readonly MemoryStream _gzipTarget = new();

    public CompressionCodec Codec { get; } = compression switch
    {
        ParquetCompression.Snappy => CompressionCodec.Snappy,
        ParquetCompression.Gzip => CompressionCodec.Gzip,
        ParquetCompression.Uncompressed => CompressionCodec.Uncompressed,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown compression."),
    };

    /// <summary>The compressed page as a new array for codecs that make one anyway (Snappy), so it need not be copied; else null.</summary>
    public byte[]? CompressToNewArray(ReadOnlySpan<byte> page) =>
        Codec == CompressionCodec.Snappy ? IronSnappy.Snappy.Encode(page) : null;

    /// <summary>The compressed page in a new array; shares no state, so pages can be compressed on several threads at once.</summary>
    public byte[] CompressToArray(ReadOnlySpan<byte> page)
    {
        switch (Codec)
        {
            case CompressionCodec.Snappy:
                return IronSnappy.Snappy.Encode(page);
            case CompressionCodec.Gzip:
                using (var target = new MemoryStream())
                {
                    // The same settings as Compress, so a page gives the same bytes either way.
                    using (var gzip = new GZipStream(target, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        gzip.Write(page);
                    }
                    return target.ToArray();
                }
            default:
                return page.ToArray();
        }
    }

    /// <summary>The compressed bytes; valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> page)
    {
        switch (Codec)
        {
            case CompressionCodec.Snappy:
                return IronSnappy.Snappy.Encode(page);
            case CompressionCodec.Gzip:
                _gzipTarget.SetLength(0);
                // GZipStream writes a zero modification time, so the same page gives the same bytes.
                using (var gzip = new GZipStream(_gzipTarget, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(page);
                }
                return _gzipTarget.GetBuffer().AsSpan(0, (int)_gzipTarget.Length);
            default:
                return page;
        }
    }

    public void Dispose() => _gzipTarget.Dispose();
}
