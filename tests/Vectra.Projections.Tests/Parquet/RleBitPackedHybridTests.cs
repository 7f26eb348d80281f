using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>RLE / bit-packed hybrid runs, computed by hand from Encodings.md.</summary>
public sealed class RleBitPackedHybridTests
{
    private static byte[] Encode(int[] values, int bitWidth)
    {
        using var buffer = new ByteBuffer();
        RleBitPackedHybrid.Encode<int>(values, bitWidth, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void Eight_equal_values_are_one_rle_run()
    {
        // header count << 1 = 16; value in one byte
        Assert.Equal([0x10, 0x00], Encode([0, 0, 0, 0, 0, 0, 0, 0], 1));
        Assert.Equal([0x14, 0x01], Encode([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 1));
    }

    [Fact]
    public void Alternating_values_are_bit_packed_least_significant_bit_first()
    {
        // header (1 group << 1) | 1 = 3; values 0,1,0,1,... -> bits 0b10101010
        Assert.Equal([0x03, 0xAA], Encode([0, 1, 0, 1, 0, 1, 0, 1], 1));
    }

    [Fact]
    public void A_short_tail_is_padded_to_a_whole_group()
    {
        // 1,2,3 in two bits: 01 | 10 << 2 | 11 << 4 = 0x39, then five zero values -> 0x00
        Assert.Equal([0x03, 0x39, 0x00], Encode([1, 2, 3], 2));
    }

    [Fact]
    public void A_run_lends_values_to_complete_the_literal_group_before_it()
    {
        // 1,2 then fourteen 3s: literal group [1,2,3,3,3,3,3,3] = 0xF9 0xFF, then RLE of eight 3s
        Assert.Equal([0x03, 0xF9, 0xFF, 0x10, 0x03], Encode([1, 2, .. Enumerable.Repeat(3, 14)], 2));
    }

    [Fact]
    public void A_run_too_short_after_lending_stays_literal()
    {
        // 1,2 then eight 3s: only two 3s would remain for a run, so ten values pack into two groups
        Assert.Equal([0x05, 0xF9, 0xFF, 0x0F, 0x00], Encode([1, 2, .. Enumerable.Repeat(3, 8)], 2));
    }

    [Fact]
    public void Rle_values_wider_than_a_byte_take_whole_little_endian_bytes()
    {
        // bit width 9 -> two bytes; 300 = 0x012C
        Assert.Equal([0x12, 0x2C, 0x01], Encode([.. Enumerable.Repeat(300, 9)], 9));
    }

    [Fact]
    public void Long_runs_have_multi_byte_varint_headers()
    {
        // 1000 << 1 = 2000 = 0x7D0 -> 0xD0 0x0F
        Assert.Equal([0xD0, 0x0F, 0x01], Encode([.. Enumerable.Repeat(1, 1000)], 1));
    }

    [Fact]
    public void Decoding_what_was_encoded_gives_the_values_back()
    {
        var random = new Random(12345);
        for (var trial = 0; trial < 200; trial++)
        {
            var bitWidth = random.Next(1, 12);
            var values = new int[random.Next(0, 300)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = random.Next(4) == 0 ? random.Next(1 << bitWidth) : (i > 0 ? values[i - 1] : 0);
            }
            Assert.Equal(values, HybridDecoder.Decode(Encode(values, bitWidth), bitWidth, values.Length));
        }
    }

    /// <summary>A reader written from Encodings.md, for the round trip only.</summary>
    private static class HybridDecoder
    {
        public static int[] Decode(byte[] bytes, int bitWidth, int count)
        {
            var values = new List<int>();
            var position = 0;
            while (values.Count < count)
            {
                var header = ReadVarint(bytes, ref position);
                if ((header & 1) == 0)
                {
                    var value = 0;
                    for (var b = 0; b < (bitWidth + 7) / 8; b++)
                    {
                        value |= bytes[position++] << (8 * b);
                    }
                    values.AddRange(Enumerable.Repeat(value, (int)(header >> 1)));
                }
                else
                {
                    var total = (int)(header >> 1) * 8;
                    for (var i = 0; i < total; i++)
                    {
                        var value = 0;
                        for (var bit = 0; bit < bitWidth; bit++)
                        {
                            var at = (i * bitWidth) + bit;
                            value |= ((bytes[position + (at / 8)] >> (at % 8)) & 1) << bit;
                        }
                        values.Add(value);
                    }
                    position += total * bitWidth / 8;
                }
            }
            Assert.Equal(bytes.Length, position);
            return [.. values.Take(count)];
        }

        private static ulong ReadVarint(byte[] bytes, ref int position)
        {
            ulong result = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[position++];
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }
        }
    }
}
