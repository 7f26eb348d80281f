using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Runner.Import;

/// <summary>
/// The <c>$import</c> system record written after each imported file:
/// <c>[{file, format, lines, skipped, records, sha256}]</c>. Its <c>sha256</c> (of the file's bytes) is
/// what makes a second import of the same file add nothing.
/// </summary>
internal static class ImportReceipt
{
    /// <summary>The system record's event name.</summary>
    public const string Event = SystemEvents.Import;

    /// <summary>The record's args.</summary>
    public static byte[] Args(string file, ImportFormat format, long lines, long skipped, long records, string sha256)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("format", format.Name);
            json.WriteNumber("lines", lines);
            json.WriteNumber("skipped", skipped);
            json.WriteNumber("records", records);
            json.WriteString("sha256", sha256);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    /// <summary>The <c>sha256</c> an <c>$import</c> record's args name, or null.</summary>
    public static string? Sha256Of(ReadOnlySpan<byte> args)
    {
        try
        {
            var reader = new Utf8JsonReader(args);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isHash = reader.ValueTextEquals("sha256"u8);
                reader.Read();
                if (isHash && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Someone else's $import record of another shape: it names no file this importer wrote.
        }
        return null;
    }
}
