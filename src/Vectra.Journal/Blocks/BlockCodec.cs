using System.Buffers;
using System.Numerics;
using Vectra.Journal.Records;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Vectra.Journal.Blocks;

/// <summary>
/// Compresses a block's layout and reads it back. One instance per thread: the zstd contexts and the
/// layout and output buffers inside are reused from block to block and are not thread-safe.
/// </summary>
internal sealed class BlockCodec : IDisposable
{
    /// <summary>Codec 1: zstd (the level is recorded per block).</summary>
    public const int Zstd = 1;

    /// <summary>The largest layout a block may have (the sealer stops a block well before this).</summary>
    public const int MaxRawBytes = 1 << 30;

    // zstd's smallest window, and the largest a decoder takes without being told to (ZSTD_WINDOWLOG_LIMIT_DEFAULT).
    private const int MinWindowLog = 10;
    private const int MaxWindowLog = 27;

    private readonly Dictionary<int, Compressor> _compressors = [];
    private readonly Decompressor _decompressor = new();
    // Reused so a sealer running beside a capture allocates only each block's compressed bytes: fresh multi-MB
    // layouts and outputs per block landed on the large object heap and doubled the capture's full GCs (BENCHMARKS.md).
    private readonly ArrayBufferWriter<byte> _layout = new();
    private byte[] _output = [];

    /// <summary>The codec's layout buffer, emptied, for <see cref="BlockLayout.Write"/>; valid until the next call.</summary>
    public ArrayBufferWriter<byte> EmptyLayout()
    {
        _layout.ResetWrittenCount();
        return _layout;
    }

    /// <summary>
    /// Compresses <paramref name="raw"/> with zstd at <paramref name="level"/>, with a window as long as the block.
    /// A block is only ever decompressed whole, so the long window costs a reader no memory it does not spend anyway,
    /// and the feed's frames repeat each other far apart: at level 1 the block-long window makes the live sealer's
    /// blocks smaller than level 3 with its default window, and compresses 1.5-2.5x faster (BENCHMARKS.md).
    /// The result lies in this codec's output buffer and is valid until its next call: a fresh array for each block
    /// (a few hundred KB, on the large-object heap) cost a capture a full garbage collection every few blocks.
    /// </summary>
    public ReadOnlyMemory<byte> Compress(ReadOnlySpan<byte> raw, int level)
    {
        if (!_compressors.TryGetValue(level, out var compressor))
        {
            compressor = new Compressor(level);
            _compressors[level] = compressor;
        }
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_windowLog, WindowLog(raw.Length));
        var bound = Compressor.GetCompressBound(raw.Length);
        if (_output.Length < bound)
        {
            // Half again as large at least: blocks grow a little at a time, and an array of the exact bound for each
            // new largest block put 12 MB on the large-object heap in 40 s of a capture (BENCHMARKS.md, memory13).
            _output = new byte[Math.Max(bound, Math.Min(_output.Length + (_output.Length / 2), Array.MaxLength))];
        }
        return _output.AsMemory(0, compressor.Wrap(raw, _output));
    }

    /// <summary>The smallest window (as a power of two) that covers <paramref name="length"/> bytes, within what every decoder accepts.</summary>
    private static int WindowLog(int length) => Math.Clamp(length <= 1 ? 0 : BitOperations.Log2((uint)(length - 1)) + 1, MinWindowLog, MaxWindowLog);

    /// <summary>
    /// Decompresses a stored block's data into <paramref name="into"/>'s buffer, or throws a <see cref="FormatException"/>
    /// when its data fails its checksum, names an unknown codec, or does not decompress to the size its row records.
    /// </summary>
    public void Decompress(SealedBlockHeader header, ReadOnlySpan<byte> data, BlockColumns into)
    {
        if (Crc32C.Of(data) != header.Checksum)
        {
            throw new FormatException("its compressed data fails its checksum");
        }
        if (header.Codec != Zstd)
        {
            throw new FormatException($"it names codec {header.Codec}, which this build cannot read");
        }
        if (header.RawBytes is < 0 or > MaxRawBytes)
        {
            throw new FormatException($"its row records {header.RawBytes} bytes before compression, more than a block holds");
        }
        var raw = into.RawBuffer(header.RawBytes).AsSpan(0, header.RawBytes);
        int written;
        try
        {
            written = _decompressor.Unwrap(data, raw);
        }
        catch (ZstdException e)
        {
            throw new FormatException($"its data does not decompress: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"its data does not decompress: {e.Message}");
        }
        if (written != raw.Length)
        {
            throw new FormatException($"its data decompresses to {written} bytes, not the {raw.Length} its row records");
        }
    }

    public void Dispose()
    {
        foreach (var compressor in _compressors.Values)
        {
            compressor.Dispose();
        }
        _decompressor.Dispose();
    }
}
