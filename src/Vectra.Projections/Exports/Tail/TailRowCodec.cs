using System.Buffers.Binary;
using System.Text.Json;
using Vectra.Journal.Storage;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// Encodes rows read from views.db for a <see cref="TailPart"/> and decodes them into an export file. Each column is a
/// byte (0 null, 1 set) and, when set, its value: a boolean byte, a little-endian int32, int64 or double, or a UTF-8 text
/// (string, or the JSON array of a LIST&lt;DOUBLE&gt;) as its length and bytes. Values are read from a raw statement as SQLite converts them (text
/// and blobs as their bytes), which gives the same file bytes as reading them with Microsoft.Data.Sqlite's typed getters.
/// </summary>
internal sealed class TailRowCodec(ExportSchema schema)
{
    private readonly ExportColumnType[] _types = [.. schema.Columns.Select(c => c.Type)];
    private readonly RowBuffer _row = new();

    /// <summary>Encodes one row: the statement's columns from <paramref name="offset"/> on, in schema order. The bytes are valid until the next call.</summary>
    public ReadOnlySpan<byte> Encode(Statement row, int offset)
    {
        _row.Clear();
        for (var i = 0; i < _types.Length; i++)
        {
            Encode(row, offset + i, _types[i], _row);
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

    private static void Encode(Statement row, int field, ExportColumnType type, RowBuffer part)
    {
        if (row.IsNull(field))
        {
            part.WriteFlag(false);
            return;
        }
        part.WriteFlag(true);
        switch (type)
        {
            case ExportColumnType.Boolean:
                part.WriteFlag(row.Int64At(field) != 0);
                break;
            case ExportColumnType.Int32:
                part.WriteInt32(unchecked((int)row.Int64At(field)));
                break;
            case ExportColumnType.Int64:
            case ExportColumnType.Timestamp:
                part.WriteInt64(row.Int64At(field));
                break;
            case ExportColumnType.Double:
                part.WriteDouble(row.DoubleAt(field));
                break;
            case ExportColumnType.String:
            case ExportColumnType.DoubleList:
                // Text and blobs alike as their stored bytes: the file writer decodes UTF-8 as reading the text would.
                part.WriteBytes(row.BlobAt(field));
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

}
