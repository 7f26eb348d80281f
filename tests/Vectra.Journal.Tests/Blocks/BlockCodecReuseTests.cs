using Vectra.Journal.Blocks;
using ZstdSharp;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>
/// One codec compresses every block of a sealer in the same output buffer, which grows half again at a time: blocks
/// that grow a little, then shrink, then grow past the buffer, each decompress to exactly their bytes.
/// </summary>
public class BlockCodecReuseTests
{
    [Fact]
    public void Blocks_compressed_one_after_another_with_one_codec_decompress_to_their_own_bytes()
    {
        using var codec = new BlockCodec();
        using var decompressor = new Decompressor();
        int[] sizes = [64 << 10, 70 << 10, 77 << 10, 1 << 10, 300 << 10, 90 << 10, 2 << 20, 100 << 10];
        for (var i = 0; i < sizes.Length; i++)
        {
            var raw = Layout(sizes[i], seed: i);

            var compressed = codec.Compress(raw, level: 1).ToArray(); // the codec's buffer holds it until its next call

            Assert.Equal(raw, decompressor.Unwrap(compressed).ToArray());
        }
    }

    // Bytes that compress like frames do: repeated JSON-like text, with a random byte every 61.
    private static byte[] Layout(int length, int seed)
    {
        var text = "{\"tick\":12,\"price\":1.0345,\"game\":\"abc\"}"u8;
        var random = new Random(seed);
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = i % 61 == 0 ? (byte)random.Next(256) : text[i % text.Length];
        }
        return bytes;
    }
}
