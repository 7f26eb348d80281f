using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Projections.Parquet;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// Copies one views.db row into a Parquet row, column by column with the typed getters (no boxing).
/// Booleans are SQLite integers; a LIST&lt;DOUBLE&gt; is a JSON array text (NULL is a null list, <c>[]</c> an empty one).
/// </summary>
internal static class ExportRowCopier
{
    /// <summary>Writes the reader's columns <paramref name="offset"/>.. as one row of <paramref name="writer"/>.</summary>
    public static void Copy(SqliteDataReader reader, int offset, ParquetSchema schema, ParquetFileWriter writer)
    {
        var columns = schema.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var field = offset + i;
            if (reader.IsDBNull(field))
            {
                writer.WriteNull(i);
                continue;
            }
            switch (columns[i].Type)
            {
                case ParquetColumnType.Boolean:
                    writer.WriteBoolean(i, reader.GetInt64(field) != 0);
                    break;
                case ParquetColumnType.Int32:
                    writer.WriteInt32(i, reader.GetInt32(field));
                    break;
                case ParquetColumnType.Int64:
                    writer.WriteInt64(i, reader.GetInt64(field));
                    break;
                case ParquetColumnType.Timestamp:
                    writer.WriteTimestampMicros(i, reader.GetInt64(field));
                    break;
                case ParquetColumnType.Double:
                    writer.WriteDouble(i, reader.GetDouble(field));
                    break;
                case ParquetColumnType.String when reader.GetFieldType(field) == typeof(byte[]):
                    writer.WriteUtf8(i, reader.GetFieldValue<byte[]>(field));
                    break;
                case ParquetColumnType.String:
                    writer.WriteString(i, reader.GetString(field));
                    break;
                case ParquetColumnType.DoubleList:
                    writer.WriteDoubleList(i, JsonSerializer.Deserialize<double[]>(reader.GetString(field)) ?? []);
                    break;
                default:
                    throw new InvalidOperationException($"No export conversion for {columns[i].Type}.");
            }
        }
        writer.EndRow();
    }
}
