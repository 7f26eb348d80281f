using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// Encodes rows read from views.db for a <see cref="TailPart"/> and decodes them into an export file. Each column is a
/// byte (0 null, 1 set) and, when set, its value: a boolean byte, a little-endian int32, int64 or double, or a UTF-8 text
/// (string, or the JSON array of a LIST&lt;DOUBLE&gt;) as its length and bytes. The values are read with the same typed
/// getters the file writer's copy from views.db used, so a row gives the same file bytes either way.
/// </summary>
internal sealed class TailRowCodec(ExportSchema schema)
{
    private readonly ExportColumnType[] _types = [.. schema.Columns.Select(c => c.Type)];
    private readonly RowBuffer _row = new();
    private byte[] _blob = new byte[4096];

    /// <summary>Encodes one row: the reader's columns from <paramref name="offset"/> on, in schema order. The bytes are valid until the next call.</summary>
    public ReadOnlySpan<byte> Encode(SqliteDataReader reader, int offset)
    {
        _row.Clear();
        for (var i = 0; i < _types.Length; i++)
        {
            Encode(reader, offset + i, _types[i], _row);
        }
        return _row.Bytes;
    }

    /// <summary>Writes every row of <paramref name="rows"/> (whole encoded rows) to <paramref name="writer"/>.</summary>
    public void Decode(ReadOnlySpan<byte> rows, ExportFileWriter writer)
    {
        var at = 0;
        while (at < rows.Length)
        {
            for (var i = 0; i < _types.Length; i++)
            {
                if (rows[at++] == 0)
                {
                    writer.WriteNull(i);
                    continue;
                }
                switch (_types[i])
                {
                    case ExportColumnType.Boolean:
                        writer.WriteBoolean(i, rows[at++] != 0);
                        break;
                    case ExportColumnType.Int32:
                        writer.WriteInt32(i, BinaryPrimitives.ReadInt32LittleEndian(rows[at..]));
                        at += 4;
                        break;
                    case ExportColumnType.Int64:
                        writer.WriteInt64(i, BinaryPrimitives.ReadInt64LittleEndian(rows[at..]));
                        at += 8;
                        break;
                    case ExportColumnType.Timestamp:
                        writer.WriteTimestampMicros(i, BinaryPrimitives.ReadInt64LittleEndian(rows[at..]));
                        at += 8;
                        break;
                    case ExportColumnType.Double:
                        writer.WriteDouble(i, BinaryPrimitives.ReadDoubleLittleEndian(rows[at..]));
                        at += 8;
                        break;
                    case ExportColumnType.String:
                        writer.WriteUtf8(i, Text(rows, ref at));
                        break;
                    case ExportColumnType.DoubleList:
                        writer.WriteDoubleList(i, JsonSerializer.Deserialize<double[]>(Text(rows, ref at)) ?? []);
                        break;
                    default:
                        throw new InvalidOperationException($"No export conversion for {_types[i]}.");
                }
            }
            writer.EndRow();
        }
    }

    private void Encode(SqliteDataReader reader, int field, ExportColumnType type, RowBuffer part)
    {
        if (reader.IsDBNull(field))
        {
            part.WriteFlag(false);
            return;
        }
        part.WriteFlag(true);
        switch (type)
        {
            case ExportColumnType.Boolean:
                part.WriteFlag(reader.GetInt64(field) != 0);
                break;
            case ExportColumnType.Int32:
                part.WriteInt32(reader.GetInt32(field));
                break;
            case ExportColumnType.Int64:
            case ExportColumnType.Timestamp:
                part.WriteInt64(reader.GetInt64(field));
                break;
            case ExportColumnType.Double:
                part.WriteDouble(reader.GetDouble(field));
                break;
            case ExportColumnType.String when reader.GetFieldType(field) == typeof(byte[]):
                part.WriteBytes(Blob(reader, field));
                break;
            case ExportColumnType.String:
            case ExportColumnType.DoubleList:
                part.WriteText(reader.GetString(field));
                break;
            default:
                throw new InvalidOperationException($"No export conversion for {type}.");
        }
    }

    private static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> rows, ref int at)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(rows[at..]);
        var text = rows.Slice(at + 4, length);
        at += 4 + length;
        return text;
    }

    private ReadOnlySpan<byte> Blob(SqliteDataReader reader, int field)
    {
        var length = (int)reader.GetBytes(field, 0, null, 0, 0);
        if (length > _blob.Length)
        {
            _blob = new byte[Math.Max(length, _blob.Length * 2)];
        }
        var read = (int)reader.GetBytes(field, 0, _blob, 0, length);
        return _blob.AsSpan(0, read);
    }
}
