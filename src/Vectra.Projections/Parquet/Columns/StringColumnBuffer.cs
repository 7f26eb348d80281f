using System.Text;
using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>
/// UTF-8 strings in one pooled arena, each value an (offset, length) into it; a value equal to the one before it
/// points at the same bytes, so columns such as game_id that repeat a value over many rows store it once.
/// PLAIN is a four-byte little-endian length then the bytes; statistics order is unsigned byte-wise (UTF-8 code point order).
/// </summary>
internal sealed class StringColumnBuffer(ColumnLayout layout) : ColumnBuffer(layout)
{
    private readonly ByteBuffer _arena = new(64 * 1024);
    private readonly GrowableArray<int> _starts = new();
    private readonly GrowableArray<int> _lengths = new();
    private string? _lastString;

    public override int ValueCount => _starts.Count;

    public void Append(ReadOnlySpan<char> value)
    {
        AppendFlatLevel();
        _lastString = null;
        var count = _starts.Count;
        if (count > 0 && Ascii.Equals(Value(count - 1), value))
        {
            // An ASCII repeat of the value before (game_id over a game's ticks) is recognised without encoding it.
            _starts.Add(_starts[count - 1]);
            _lengths.Add(_lengths[count - 1]);
            return;
        }
        // Encoded straight into the arena's free space, which is kept only when the value differs from the one before.
        var scratch = _arena.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = System.Text.Encoding.UTF8.GetBytes(value, scratch);
        if (!RepeatsPrevious(scratch[..length]))
        {
            AddAtEnd(length);
            _arena.Advance(length);
        }
    }

    public void AppendUtf8(ReadOnlySpan<byte> value)
    {
        AppendFlatLevel();
        _lastString = null;
        if (!RepeatsPrevious(value))
        {
            AddAtEnd(value.Length);
            _arena.Write(value);
        }
    }

    /// <summary>Appends one row per value; a null value is a null row.</summary>
    public void AppendRange(ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (value is null)
            {
                AppendNull();
            }
            else if (ReferenceEquals(value, _lastString))
            {
                // The very same string object as the value before: no need to encode or compare it again.
                AppendFlatLevel();
                _starts.Add(_starts[_starts.Count - 1]);
                _lengths.Add(_lengths[_lengths.Count - 1]);
            }
            else
            {
                Append(value);
                _lastString = value;
            }
        }
    }

    public ReadOnlySpan<byte> Value(int index) => _arena.WrittenSpan.Slice(_starts[index], _lengths[index]);

    /// <summary>True when the value at <paramref name="index"/> (&gt; 0) equals the one before it; costs no byte compare.</summary>
    public bool SameAsPrevious(int index) => _starts[index] == _starts[index - 1] && _lengths[index] == _lengths[index - 1];

    public override int PlainSize(int valueIndex) => sizeof(int) + _lengths[valueIndex];

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
            if (SameAsPrevious(i))
            {
                continue;
            }
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
        _lengths.Clear();
        _lastString = null;
    }

    public override void Dispose()
    {
        base.Dispose();
        _arena.Dispose();
        _starts.Dispose();
        _lengths.Dispose();
    }

    private bool RepeatsPrevious(ReadOnlySpan<byte> value)
    {
        var count = _starts.Count;
        if (count == 0 || !value.SequenceEqual(Value(count - 1)))
        {
            return false;
        }
        _starts.Add(_starts[count - 1]);
        _lengths.Add(_lengths[count - 1]);
        return true;
    }

    private void AddAtEnd(int length)
    {
        _starts.Add(_arena.Length);
        _lengths.Add(length);
    }
}
