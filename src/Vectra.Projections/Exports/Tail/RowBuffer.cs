using System.Buffers.Binary;

namespace Vectra.Projections.Exports.Tail;

/// <summary>One row being encoded, in a buffer reused from row to row (it grows to the largest row seen).</summary>
internal sealed class RowBuffer
{
    private byte[] _bytes = new byte[4096];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void WriteFlag(bool value)
    {
        Reserve(1)[0] = value ? (byte)1 : (byte)0;
        Length++;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
        Length += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);
        Length += 8;
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        Length += 8;
    }

    /// <summary>Writes <paramref name="bytes"/> as their count and the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        var span = Reserve(4 + bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, bytes.Length);
        bytes.CopyTo(span[4..]);
        Length += 4 + bytes.Length;
    }

    private Span<byte> Reserve(int count)
    {
        if (_bytes.Length - Length < count)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        }
        return _bytes.AsSpan(Length);
    }
}
