using System.Buffers.Binary;
using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>INT64 values (also timestamps in microseconds); PLAIN is eight bytes little-endian, statistics order signed.</summary>
internal sealed class Int64ColumnBuffer(ColumnLayout layout) : ColumnBuffer(layout)
{
    private readonly GrowableArray<long> _values = new();

    public override int ValueCount => _values.Count;

    public void Append(long value)
    {
        AppendFlatLevel();
        _values.Add(value);
    }

    public override int PlainSize(int valueIndex) => sizeof(long);

    public override void WritePlain(int start, int count, ByteBuffer output)
    {
        var values = _values.Span.Slice(start, count);
        var target = output.GetSpan(values.Length * sizeof(long));
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(target[(i * sizeof(long))..], values[i]);
        }
        output.Advance(values.Length * sizeof(long));
    }

    public override (byte[]? Min, byte[]? Max) MinMax()
    {
        var values = _values.Span;
        if (values.IsEmpty)
        {
            return (null, null);
        }
        var min = long.MaxValue;
        var max = long.MinValue;
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

    private static byte[] Bytes(long value)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }
}
