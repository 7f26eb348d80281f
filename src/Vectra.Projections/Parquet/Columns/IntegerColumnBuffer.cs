using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>
/// Signed INT32 or INT64 values (INT64 also holds timestamps in microseconds); PLAIN is the value's
/// little-endian bytes, statistics order signed.
/// </summary>
internal sealed class IntegerColumnBuffer<T>(ColumnLayout layout) : ColumnBuffer(layout)
    where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>, IMinMaxValue<T>
{
    private static readonly int Size = Unsafe.SizeOf<T>();
    private readonly BlockArray<T> _values = new();

    public override int ValueCount => _values.Count;

    public void Append(T value)
    {
        AppendFlatLevel();
        _values.Add(value);
    }

    /// <summary>Appends one present value per row.</summary>
    public void AppendRange(ReadOnlySpan<T> values)
    {
        AppendFlatLevels(values.Length);
        _values.AddRange(values);
    }

    public override int PlainSize(int valueIndex) => Size;

    public override int FixedPlainSize => Size;

    public override void WritePlain(int start, int count, ByteBuffer output) =>
        FixedWidthPlain.Write(_values, start, count, output, (target, value) => value.WriteLittleEndian(target));

    public override (byte[]? Min, byte[]? Max) MinMax()
    {
        if (_values.Count == 0)
        {
            return (null, null);
        }
        var min = T.MaxValue;
        var max = T.MinValue;
        for (var start = 0; start < _values.Count;)
        {
            var values = _values.Piece(start, _values.Count - start);
            foreach (var value in values)
            {
                min = T.Min(min, value);
                max = T.Max(max, value);
            }
            start += values.Length;
        }
        return (Bytes(min), Bytes(max));
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

    private static byte[] Bytes(T value)
    {
        var bytes = new byte[Size];
        value.WriteLittleEndian(bytes);
        return bytes;
    }
}
