namespace Vectra.Journal.Blocks;

/// <summary>LEB128 variable-length integers (zigzag for signed values), as the block layout stores its columns.</summary>
internal static class VarInt
{
    /// <summary>The most bytes one value takes.</summary>
    public const int MaxBytes = 10;

    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }

    public static int WriteSigned(Span<byte> destination, long value) => Write(destination, (ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Reads one value at <paramref name="position"/>, moving it past; throws <see cref="FormatException"/> on a truncated or overlong value.</summary>
    public static ulong Read(ReadOnlySpan<byte> source, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= source.Length)
            {
                throw new FormatException("a varint runs past the end of the block");
            }
            var b = source[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new FormatException("a varint is longer than 64 bits");
    }

    public static long ReadSigned(ReadOnlySpan<byte> source, ref int position)
    {
        var raw = Read(source, ref position);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>Reads a value that must fit a non-negative int (a count, a length, an index).</summary>
    public static int ReadCount(ReadOnlySpan<byte> source, ref int position, int max)
    {
        var value = Read(source, ref position);
        if (value > (ulong)max)
        {
            throw new FormatException($"a count of {value} exceeds the {max} the block can hold");
        }
        return (int)value;
    }
}
