using System.Text.Json;

namespace Vectra.Runner.Import;

/// <summary>
/// <c>--format auto</c>: tells a recording's format from the keys of its first readable line (up to
/// <see cref="LinesTried"/> lines, so a torn first line does not hide it), or, for a pretty-printed
/// JSON document, from the keys of the document and of its first entry.
/// </summary>
internal static class FormatDetector
{
    /// <summary>How many non-blank lines are tried before giving up.</summary>
    public const int LinesTried = 20;

    /// <summary>The format of <paramref name="content"/>, or null when it is no recording this tool knows.</summary>
    public static ImportFormat? Detect(ReadOnlySpan<byte> content)
    {
        var tried = 0;
        foreach (var line in new ByteLines(content))
        {
            var trimmed = line.Trim(" \t"u8);
            if (trimmed.IsEmpty)
            {
                continue;
            }
            if (tried == 0 && (trimmed.SequenceEqual("{"u8) || trimmed.SequenceEqual("["u8)))
            {
                return DetectDocument(content);
            }
            if (KeysOf(trimmed) is { } keys)
            {
                return FromLineKeys(keys);
            }
            if (++tried == LinesTried)
            {
                break;
            }
        }
        return null;
    }

    private static ImportFormat? FromLineKeys(HashSet<string> keys)
    {
        if (keys.Contains("meta_seq") && keys.Contains("event"))
        {
            return ImportFormat.Journal;
        }
        if (keys.Contains("event_type") && keys.Contains("timestamp"))
        {
            return ImportFormat.WsSamples;
        }
        if (keys.Contains("event") && keys.Contains("ts"))
        {
            return keys.Contains("direction") ? ImportFormat.Cdp : ImportFormat.RawCapture;
        }
        if ((keys.Contains("type") && keys.Contains("timestamp")) || keys.Contains("_metadata"))
        {
            return ImportFormat.Replayer;
        }
        return null;
    }

    private static ImportFormat? DetectDocument(ReadOnlySpan<byte> content)
    {
        try
        {
            var reader = new Utf8JsonReader(content);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            var keys = new HashSet<string>(StringComparer.Ordinal);
            HashSet<string>? firstEntryKeys = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                keys.Add(reader.GetString()!);
                reader.Read();
                if (firstEntryKeys is null && reader.TokenType == JsonTokenType.StartObject)
                {
                    firstEntryKeys = ObjectKeys(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            if (FromLineKeys(keys) is { } single)
            {
                return single;
            }
            return firstEntryKeys is not null && firstEntryKeys.Contains("event_type") && firstEntryKeys.Contains("timestamp_ms")
                ? ImportFormat.KeySamples
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HashSet<string>? KeysOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            var keys = ObjectKeys(ref reader);
            return reader.Read() ? null : keys;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The property names of the object the reader is on; leaves the reader on its end.</summary>
    private static HashSet<string> ObjectKeys(ref Utf8JsonReader reader)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            keys.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }
        return keys;
    }
}
