using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>
/// UTF-8 strings, stored back to back in one pooled arena with their start offsets.
/// PLAIN is a four-byte little-endian length then the bytes; statistics order is unsigned byte-wise (UTF-8 code point order).
/// </summary>
internal sealed class StringColumnBuffer(ColumnLayout layout) : ColumnBuffer(layout)
{
    private readonly ByteBuffer _arena = new(64 * 1024);
    private readonly GrowableArray<int> _starts = new();

    public override int ValueCount => _starts.Count;

    public void Append(ReadOnlySpan<char> value)
    {
        AppendFlatLevel();
        _starts.Add(_arena.Length);
        var written = System.Text.Encoding.UTF8.GetBytes(value, _arena.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(value.Length)));
        _arena.Advance(written);
    }

    public void AppendUtf8(ReadOnlySpan<byte> value)
    {
        AppendFlatLevel();
        _starts.Add(_arena.Length);
        _arena.Write(value);
    }

    public ReadOnlySpan<byte> Value(int index)
    {
        var start = _starts[index];
        var end = index + 1 < _starts.Count ? _starts[index + 1] : _arena.Length;
        return _arena.WrittenSpan[start..end];
    }

    public override int PlainSize(int valueIndex) => sizeof(int) + Value(valueIndex).Length;

    public override void WritePlain(int start, int count, ByteBuffer output)
    {
        for (var i = start; i < start + count; i++)
        {
            var value = Value(i);
            output.WriteInt32LittleEndian(value.Length);
            output.Write(value);
        }
    }

    public override (byte[]? Min, byte[]? Max) MinMax()
    {
        if (ValueCount == 0)
        {
            return (null, null);
        }
        var min = 0;
        var max = 0;
        for (var i = 1; i < ValueCount; i++)
        {
            var value = Value(i);
            if (value.SequenceCompareTo(Value(min)) < 0)
            {
                min = i;
            }
            if (value.SequenceCompareTo(Value(max)) > 0)
            {
                max = i;
            }
        }
        return (Value(min).ToArray(), Value(max).ToArray());
    }

    public override void Clear()
    {
        base.Clear();
        _arena.Clear();
        _starts.Clear();
    }

    public override void Dispose()
    {
        base.Dispose();
        _arena.Dispose();
        _starts.Dispose();
    }
}
