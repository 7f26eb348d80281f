using System.Buffers;
using System.Buffers.Binary;

namespace Vectra.Projections.Parquet.Encoding;

/// <summary>A growable byte buffer on pooled arrays; multi-byte integers are written little-endian, as Parquet stores them.</summary>
internal sealed class ByteBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _length;

    public ByteBuffer(int initialCapacity = 4096) => _array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _array[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_array.AsSpan(_length));
        _length += bytes.Length;
    }

    public void WriteInt32LittleEndian(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_array.AsSpan(_length), value);
        _length += 4;
    }

    public void WriteInt64LittleEndian(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_array.AsSpan(_length), value);
        _length += 8;
    }

    public void WriteDoubleLittleEndian(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_array.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Unsigned LEB128, the varint of both Thrift compact and the RLE/bit-packed hybrid headers.</summary>
    public void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        WriteByte((byte)value);
    }

    /// <summary>Reserves four bytes for a length that is known only later; returns their position.</summary>
    public int ReserveInt32()
    {
        Ensure(4);
        var at = _length;
        _length += 4;
        return at;
    }

    public void PatchInt32LittleEndian(int position, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(_array.AsSpan(position, 4), value);

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 1));
        return _array.AsSpan(_length);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 1));
        return _array.AsMemory(_length);
    }

    public void Advance(int count) => _length += count;

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
            _length = 0;
        }
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _array.Length)
        {
            return;
        }
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + extra));
        _array.AsSpan(0, _length).CopyTo(grown);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
        _array = grown;
    }
}
