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

    public override int PlainSize(int valueIndex) => 1;

    public override void WritePlain(int start, int count, ByteBuffer output)
    {
        var values = _values.Span.Slice(start, count);
        for (var i = 0; i < values.Length; i += 8)
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
