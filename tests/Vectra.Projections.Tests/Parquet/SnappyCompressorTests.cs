using System.Buffers.Binary;
using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Our Snappy blocks decode, with an independent decoder, to the input, for data that compresses and data that does not.</summary>
public sealed class SnappyCompressorTests
{
    public static TheoryData<int> Lengths => [0, 1, 3, 4, 5, 15, 16, 59, 60, 61, 255, 256, 257, 4096, 65_535, 65_536, 65_537, 300_000];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Random_bytes_round_trip(int length)
    {
        var input = new byte[length];
        new Random(length).NextBytes(input);
        AssertRoundTrip(input);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Repetitive_bytes_round_trip_and_shrink(int length)
    {
        var input = new byte[length];
        for (var i = 0; i < length; i++)
        {
            input[i] = (byte)("abcabcabd"[i % 9] + (i / 1000 % 3));
        }
        var compressed = AssertRoundTrip(input);
        if (length >= 4096)
        {
            Assert.True(compressed.Length < length / 4, $"{compressed.Length} of {length}");
        }
    }

    [Fact]
    public void Zeros_and_counting_longs_round_trip()
    {
        AssertRoundTrip(new byte[200_000]);
        var longs = new byte[8 * 100_000];
        for (var i = 0; i < 100_000; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(longs.AsSpan(i * 8), 1_765_577_818_000_000L + (i * 250_000L));
        }
        AssertRoundTrip(longs);
    }

    [Fact]
    public void Mixed_runs_and_noise_round_trip()
    {
        var random = new Random(11);
        var input = new List<byte>();
        while (input.Count < 500_000)
        {
            var run = random.Next(1, 3000);
            if (random.Next(2) == 0)
            {
                input.AddRange(Enumerable.Repeat((byte)random.Next(4), run));
            }
            else
            {
                var noise = new byte[run];
                random.NextBytes(noise);
                input.AddRange(noise);
            }
        }
        AssertRoundTrip([.. input]);
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_whatever_was_compressed_before()
    {
        var input = new byte[100_000];
        new Random(3).NextBytes(input.AsSpan(0, 50_000));
        var fresh = Compress(new SnappyCompressor(), input);
        var used = new SnappyCompressor();
        var other = new byte[150_000];
        new Random(4).NextBytes(other);
        Compress(used, other);
        Assert.Equal(fresh, Compress(used, input));
    }

    private static byte[] AssertRoundTrip(byte[] input)
    {
        var compressed = Compress(new SnappyCompressor(), input);
        Assert.Equal(input, IronSnappy.Snappy.Decode(compressed));
        return compressed;
    }

    private static byte[] Compress(SnappyCompressor compressor, byte[] input)
    {
        var output = new byte[SnappyCompressor.MaxCompressedLength(input.Length)];
        return output[..compressor.Compress(input, output)];
    }
}
