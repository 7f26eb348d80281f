using System.Buffers.Binary;
using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>INT32 values; PLAIN is four bytes little-endian, statistics order signed.</summary>
internal sealed class Int32ColumnBuffer(ColumnLayout layout) : ColumnBuffer(layout)
{
    private readonly GrowableArray<int> _values = new();

    public override int ValueCount => _values.Count;

    public void Append(int value)
    {
        AppendFlatLevel();
        _values.Add(value);
    }

    public override int PlainSize(int valueIndex) => sizeof(int);

    public override void WritePlain(int start, int count, ByteBuffer output)
    {
        var values = _values.Span.Slice(start, count);
        var target = output.GetSpan(values.Length * sizeof(int));
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(target[(i * sizeof(int))..], values[i]);
        }
        output.Advance(values.Length * sizeof(int));
    }

    public override (byte[]? Min, byte[]? Max) MinMax()
    {
        var values = _values.Span;
        if (values.IsEmpty)
        {
            return (null, null);
        }
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
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

    private static byte[] Bytes(int value)
    {
        var bytes = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }
}
