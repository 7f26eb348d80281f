using System.Buffers.Binary;
using System.Numerics;

namespace Vectra.Projections.Parquet.Encoding;

/// <summary>
/// Snappy's raw block format (format_description.txt): a varint of the uncompressed length, then literals and
/// back-references. Input is compressed in 64 KiB blocks with a hash table of earlier 4-byte sequences, cleared for
/// each block so the output depends on the input alone. After a run of misses lookups grow sparser, so data that
/// does not compress (such as random doubles) passes through quickly as literals.
/// </summary>
internal sealed class SnappyCompressor
{
    private const int BlockSize = 1 << 16;
    private const int HashBits = 14;
    private const int MinMatch = 4;
    private const int MaxCopyLength = 64;
    private const int LiteralTag = 0b00;
    private const int Copy1Tag = 0b01;
    private const int Copy2Tag = 0b10;

    private readonly int[] _table = new int[1 << HashBits];

    /// <summary>The largest output for <paramref name="inputLength"/> bytes: varint, plus at worst literals with their tags.</summary>
    public static int MaxCompressedLength(int inputLength) => 32 + inputLength + (inputLength / 6);

    /// <summary>Compresses <paramref name="input"/> into <paramref name="output"/> (at least <see cref="MaxCompressedLength"/>); returns the bytes written.</summary>
    public int Compress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = WriteVarint((uint)input.Length, output);
        for (var start = 0; start < input.Length; start += BlockSize)
        {
            written += CompressBlock(input.Slice(start, Math.Min(BlockSize, input.Length - start)), output[written..]);
        }
        return written;
    }

    private int CompressBlock(ReadOnlySpan<byte> block, Span<byte> output)
    {
        var written = 0;
        var literalStart = 0;
        // The last hash read must stay inside the block.
        var lastLookup = block.Length - MinMatch;
        if (lastLookup > 0)
        {
            Array.Clear(_table);
            var position = 1;
            var misses = 32;
            while (position <= lastLookup)
            {
                var current = BinaryPrimitives.ReadUInt32LittleEndian(block[position..]);
                ref var slot = ref _table[Hash(current)];
                var candidate = slot;
                slot = position;
                if (candidate >= position || BinaryPrimitives.ReadUInt32LittleEndian(block[candidate..]) != current)
                {
                    position += misses++ >> 5;
                    continue;
                }
                var length = MinMatch + CommonPrefix(block[(candidate + MinMatch)..], block[(position + MinMatch)..]);
                written += EmitLiteral(block[literalStart..position], output[written..]);
                written += EmitCopy(position - candidate, length, output[written..]);
                position += length;
                literalStart = position;
                misses = 32;
            }
        }
        if (literalStart < block.Length)
        {
            written += EmitLiteral(block[literalStart..], output[written..]);
        }
        return written;
    }

    private static int Hash(uint fourBytes) => (int)((fourBytes * 0x1E35A7BDu) >> (32 - HashBits));

    /// <summary>How many leading bytes <paramref name="earlier"/> and <paramref name="later"/> share (later is the shorter).</summary>
    private static int CommonPrefix(ReadOnlySpan<byte> earlier, ReadOnlySpan<byte> later)
    {
        var length = 0;
        while (length + sizeof(ulong) <= later.Length)
        {
            var difference = BinaryPrimitives.ReadUInt64LittleEndian(earlier[length..]) ^ BinaryPrimitives.ReadUInt64LittleEndian(later[length..]);
            if (difference != 0)
            {
                return length + (BitOperations.TrailingZeroCount(difference) / 8);
            }
            length += sizeof(ulong);
        }
        while (length < later.Length && earlier[length] == later[length])
        {
            length++;
        }
        return length;
    }

    private static int EmitLiteral(ReadOnlySpan<byte> literal, Span<byte> output)
    {
        if (literal.IsEmpty)
        {
            return 0;
        }
        var lengthMinusOne = literal.Length - 1;
        int headerBytes;
        if (lengthMinusOne < 60)
        {
            output[0] = (byte)((lengthMinusOne << 2) | LiteralTag);
            headerBytes = 1;
        }
        else
        {
            // Tags 60..63 say the length - 1 follows in 1..4 little-endian bytes.
            var lengthBytes = lengthMinusOne < 1 << 8 ? 1 : lengthMinusOne < 1 << 16 ? 2 : lengthMinusOne < 1 << 24 ? 3 : 4;
            output[0] = (byte)(((59 + lengthBytes) << 2) | LiteralTag);
            for (var i = 0; i < lengthBytes; i++)
            {
                output[1 + i] = (byte)(lengthMinusOne >> (8 * i));
            }
            headerBytes = 1 + lengthBytes;
        }
        literal.CopyTo(output[headerBytes..]);
        return headerBytes + literal.Length;
    }

    private static int EmitCopy(int offset, int length, Span<byte> output)
    {
        var written = 0;
        // Long matches are split so that what remains is never shorter than a copy can express (four).
        while (length >= MaxCopyLength + MinMatch)
        {
            written += EmitCopy2(offset, MaxCopyLength, output[written..]);
            length -= MaxCopyLength;
        }
        if (length > MaxCopyLength)
        {
            written += EmitCopy2(offset, MaxCopyLength - MinMatch, output[written..]);
            length -= MaxCopyLength - MinMatch;
        }
        if (length < 12 && offset < 2048)
        {
            output[written] = (byte)(Copy1Tag | ((length - 4) << 2) | ((offset >> 8) << 5));
            output[written + 1] = (byte)offset;
            return written + 2;
        }
        return written + EmitCopy2(offset, length, output[written..]);
    }

    private static int EmitCopy2(int offset, int length, Span<byte> output)
    {
        output[0] = (byte)(Copy2Tag | ((length - 1) << 2));
        BinaryPrimitives.WriteUInt16LittleEndian(output[1..], (ushort)offset);
        return 3;
    }

    private static int WriteVarint(uint value, Span<byte> output)
    {
        var written = 0;
        while (value >= 0x80)
        {
            output[written++] = (byte)(value | 0x80);
            value >>= 7;
        }
        output[written++] = (byte)value;
        return written;
    }
}
