using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// Copies views.db rows into an export file, column by column with the typed getters (no boxing). Booleans are SQLite
/// integers; a string may be TEXT or a BLOB of UTF-8 (the events payload), read into a reused buffer; a LIST&lt;DOUBLE&gt;
/// is a JSON array text (NULL is a null list, <c>[]</c> an empty one).
/// </summary>
internal sealed class ExportRowCopier(ExportSchema schema, int offset)
{
    private readonly ExportColumnType[] _types = [.. schema.Columns.Select(c => c.Type)];
    private byte[] _bytes = new byte[64 * 1024];

    /// <summary>Writes the reader's columns from the offset on as one row of <paramref name="writer"/>.</summary>
    public void Copy(SqliteDataReader reader, ExportFileWriter writer)
    {
        for (var i = 0; i < _types.Length; i++)
        {
            var field = offset + i;
            if (reader.IsDBNull(field))
            {
                writer.WriteNull(i);
                continue;
            }
            switch (_types[i])
            {
                case ExportColumnType.Boolean:
                    writer.WriteBoolean(i, reader.GetInt64(field) != 0);
                    break;
                case ExportColumnType.Int32:
                    writer.WriteInt32(i, reader.GetInt32(field));
                    break;
                case ExportColumnType.Int64:
                    writer.WriteInt64(i, reader.GetInt64(field));
                    break;
                case ExportColumnType.Timestamp:
                    writer.WriteTimestampMicros(i, reader.GetInt64(field));
                    break;
                case ExportColumnType.Double:
                    writer.WriteDouble(i, reader.GetDouble(field));
                    break;
                case ExportColumnType.String when reader.GetFieldType(field) == typeof(byte[]):
                    writer.WriteUtf8(i, Blob(reader, field));
                    break;
                case ExportColumnType.String:
                    writer.WriteString(i, reader.GetString(field));
                    break;
                case ExportColumnType.DoubleList:
                    writer.WriteDoubleList(i, JsonSerializer.Deserialize<double[]>(reader.GetString(field)) ?? []);
                    break;
                default:
                    throw new InvalidOperationException($"No export conversion for {_types[i]}.");
            }
        }
        writer.EndRow();
    }

    private ReadOnlySpan<byte> Blob(SqliteDataReader reader, int field)
    {
        var length = (int)reader.GetBytes(field, 0, null, 0, 0);
        if (length > _bytes.Length)
        {
            _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        }
        var read = (int)reader.GetBytes(field, 0, _bytes, 0, length);
        return _bytes.AsSpan(0, read);
    }
}
