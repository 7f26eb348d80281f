using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Thrift;

/// <summary>
/// Writes the Thrift compact protocol: integers as zigzag varints (LEB128, least significant group first),
/// field ids as deltas from the previous field of the same struct, booleans folded into the field header.
/// </summary>
internal sealed class CompactWriter(ByteBuffer output)
{
    private readonly Stack<short> _enclosingFieldIds = new();
    private short _lastFieldId;

    public ByteBuffer Output { get; } = output;

    /// <summary>Starts a struct at the top level or as a list element; the field-id delta restarts at zero.</summary>
    public void BeginStruct()
    {
        _enclosingFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    /// <summary>Writes the stop byte and resumes the field-id delta of the enclosing struct.</summary>
    public void EndStruct()
    {
        Output.WriteByte((byte)CompactType.Stop);
        _lastFieldId = _enclosingFieldIds.Pop();
    }

    public void StructField(short id)
    {
        FieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    public void BoolField(short id, bool value) =>
        FieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void ByteField(short id, sbyte value)
    {
        FieldHeader(id, CompactType.Byte);
        Output.WriteByte((byte)value);
    }

    public void I32Field(short id, int value)
    {
        FieldHeader(id, CompactType.I32);
        I32(value);
    }

    public void I64Field(short id, long value)
    {
        FieldHeader(id, CompactType.I64);
        Output.WriteVarint(ZigZag(value));
    }

    public void BinaryField(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, CompactType.Binary);
        Binary(value);
    }

    public void StringField(short id, string value)
    {
        FieldHeader(id, CompactType.Binary);
        String(value);
    }

    public void ListField(short id, CompactType elementType, int count)
    {
        FieldHeader(id, CompactType.List);
        ListHeader(elementType, count);
    }

    /// <summary>A list header: size and element type in one byte when the size is below 15, else 0xF0 | type then a varint size.</summary>
    public void ListHeader(CompactType elementType, int count)
    {
        if (count < 15)
        {
            Output.WriteByte((byte)((count << 4) | (byte)elementType));
        }
        else
        {
            Output.WriteByte((byte)(0xF0 | (byte)elementType));
            Output.WriteVarint((ulong)count);
        }
    }

    public void I32(int value) => Output.WriteVarint(ZigZag(value));

    public void Binary(ReadOnlySpan<byte> value)
    {
        Output.WriteVarint((ulong)value.Length);
        Output.Write(value);
    }

    public void String(string value)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(value);
        Output.WriteVarint((ulong)length);
        var written = System.Text.Encoding.UTF8.GetBytes(value, Output.GetSpan(length));
        Output.Advance(written);
    }

    /// <summary>Short form (delta 1..15 in the high nibble) when possible, else the type byte and the zigzag id.</summary>
    private void FieldHeader(short id, CompactType type)
    {
        var delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            Output.WriteByte((byte)((delta << 4) | (byte)type));
        }
        else
        {
            Output.WriteByte((byte)type);
            I32(id);
        }
        _lastFieldId = id;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
