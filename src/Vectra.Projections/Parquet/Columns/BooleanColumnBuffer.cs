using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>BOOLEAN values; PLAIN packs them one bit each, least significant bit first.</summary>
internal sealed class BooleanColumnBuffer(ColumnLayout layout) : ColumnBuffer(layout)
{
    private readonly GrowableArray<bool> _values = new();

    public override int ValueCount => _values.Count;

    public void Append(bool value)
    {
        AppendFlatLevel();
        _values.Add(value);
    }

    /// <summary>Appends one present value per row.</summary>
    public void AppendRange(ReadOnlySpan<bool> values)
    {
        AppendFlatLevels(values.Length);
        _values.AddRange(values);
    }

    public override int PlainSize(int valueIndex) => 1;

    public override int FixedPlainSize => 1;

    public override void WritePlain(int start, int count, ByteBuffer output)
    {
        var values = _values.Span.Slice(start, count);
        var bytes = MemoryMarshal.AsBytes(values);
        var whole = bytes.Length / Vector128<byte>.Count * Vector128<byte>.Count;
        var target = output.GetSpan((whole / 8) + 1);
        for (var i = 0; i < whole; i += Vector128<byte>.Count)
        {
            // Bit i of the mask is set when value i is true: sixteen values packed least significant bit first at once.
            var mask = Vector128.ExtractMostSignificantBits(~Vector128.Equals(Vector128.Create<byte>(bytes[i..]), Vector128<byte>.Zero));
            BinaryPrimitives.WriteUInt16LittleEndian(target[(i / 8)..], (ushort)mask);
        }
        output.Advance(whole / 8);
        for (var i = whole; i < values.Length; i += 8)
        {
            var packed = 0;
            for (var bit = 0; bit < 8 && i + bit < values.Length; bit++)
            {
                packed |= (values[i + bit] ? 1 : 0) << bit;
            }
            output.WriteByte((byte)packed);
        }
    }

    public override (byte[]? Min, byte[]? Max) MinMax()
    {
        var values = _values.Span;
        if (values.IsEmpty)
        {
            return (null, null);
        }
        var anyFalse = values.Contains(false);
        var anyTrue = values.Contains(true);
        return ([anyFalse ? (byte)0 : (byte)1], [anyTrue ? (byte)1 : (byte)0]);
    }

    public override void Clear()
    {
        base.Clear();
        _values.Clear();
    }

    public override void Dispose()
    {
        base.Dispose();
        _values.Dispose();
    }
}
