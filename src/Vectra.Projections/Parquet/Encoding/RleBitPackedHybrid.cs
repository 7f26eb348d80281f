using System.Numerics;

namespace Vectra.Projections.Parquet.Encoding;

/// <summary>
/// The RLE / bit-packed hybrid encoding (Encodings.md) used for levels and dictionary indices:
/// runs of eight or more equal values become RLE runs, everything else is bit-packed in groups of eight.
/// </summary>
internal static class RleBitPackedHybrid
{
    private const int GroupSize = 8;

    /// <summary>Appends the encoded runs (without the 4-byte length prefix that data-page levels add).</summary>
    public static void Encode<T>(ReadOnlySpan<T> values, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitWidth, 32);
        var literalStart = 0;
        var i = 0;
        while (i < values.Length)
        {
            var value = values[i];
            var run = 1;
            while (i + run < values.Length && values[i + run] == value)
            {
                run++;
            }
            var pending = i - literalStart;
            // Literal runs must hold whole groups of eight, so a long run lends the values that complete the group.
            var lent = pending % GroupSize == 0 ? 0 : GroupSize - (pending % GroupSize);
            if (run - lent >= GroupSize)
            {
                if (pending + lent > 0)
                {
                    WriteBitPacked(values[literalStart..(i + lent)], bitWidth, output);
                }
                WriteRepeated(int.CreateTruncating(value), run - lent, bitWidth, output);
                i += run;
                literalStart = i;
            }
            else
            {
                i += run;
            }
        }
        if (literalStart < values.Length)
        {
            WriteBitPacked(values[literalStart..], bitWidth, output);
        }
    }

    /// <summary>An RLE run: varint header (count &lt;&lt; 1), then the value in ceil(bitWidth / 8) little-endian bytes.</summary>
    private static void WriteRepeated(int value, int count, int bitWidth, ByteBuffer output)
    {
        output.WriteVarint((ulong)count << 1);
        for (var b = 0; b < (bitWidth + 7) / 8; b++)
        {
            output.WriteByte((byte)(value >> (8 * b)));
        }
    }

    /// <summary>A bit-packed run: varint header (groups &lt;&lt; 1 | 1), then values packed LSB first, the last group padded with zeros.</summary>
    private static void WriteBitPacked<T>(ReadOnlySpan<T> values, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var groups = (values.Length + GroupSize - 1) / GroupSize;
        output.WriteVarint(((ulong)groups << 1) | 1);
        ulong accumulator = 0;
        var bits = 0;
        for (var i = 0; i < groups * GroupSize; i++)
        {
            var value = i < values.Length ? uint.CreateTruncating(values[i]) : 0u;
            accumulator |= (ulong)value << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                output.WriteByte((byte)accumulator);
                accumulator >>= 8;
                bits -= 8;
            }
        }
    }
}
