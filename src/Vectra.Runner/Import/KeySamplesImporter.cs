using System.Text.Json;

namespace Vectra.Runner.Import;

/// <summary>
/// The curated rosetta-stone sample document (<c>key-samples.json</c>): one JSON object whose values are
/// entries <c>{_meta:{index,…}, event_type, timestamp_ms, data}</c>. Entries are journaled in feed order
/// (<c>_meta.index</c>, then <c>timestamp_ms</c>), not in the document's key order. <c>timestamp_ms</c>
/// came from Python's <c>utcnow().timestamp()</c> on a US-Eastern machine and runs 5 h ahead, so
/// <c>meta_ts</c> is <see cref="WallClockConverter.FromUtcNowTimestamp"/> of it. An entry lacking a field is skipped.
/// </summary>
internal sealed class KeySamplesImporter : IRecordingImporter
{
    /// <inheritdoc/>
    public ImportFormat Format => ImportFormat.KeySamples;

    /// <inheritdoc/>
    public void Read(ReadOnlySpan<byte> content, ImportedFile file)
    {
        var entries = new List<Entry>();
        try
        {
            var reader = new Utf8JsonReader(content);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ImportInputException($"{file.Format.Name}: the file is not one JSON object of samples; pick another --format.");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                file.CountLine();
                if (ReadEntry(ref reader, content, entries.Count) is { } entry)
                {
                    entries.Add(entry);
                }
                else
                {
                    file.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            throw new ImportInputException($"{file.Format.Name}: the sample document is not valid JSON ({e.Message}); nothing was imported from it.");
        }
        foreach (var entry in entries.OrderBy(e => e.Index).ThenBy(e => e.TimestampMs).ThenBy(e => e.Position))
        {
            var data = content[entry.DataStart..entry.DataEnd];
            file.AddFeed(entry.Event, FrameArgs.FromData(data), file.Clock.FromUtcNowTimestamp(entry.TimestampMs * 1000));
        }
    }

    private static Entry? ReadEntry(ref Utf8JsonReader reader, ReadOnlySpan<byte> content, int position)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        string? eventName = null;
        long? timestampMs = null;
        var index = long.MaxValue;
        int dataStart = -1, dataEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("event_type"u8))
            {
                reader.Read();
                eventName = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("timestamp_ms"u8))
            {
                reader.Read();
                timestampMs = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ms) ? ms : null;
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                dataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                dataEnd = (int)reader.BytesConsumed;
                continue;
            }
            else if (reader.ValueTextEquals("_meta"u8))
            {
                reader.Read();
                index = IndexOf(ref reader) ?? long.MaxValue;
                continue;
            }
            else
            {
                reader.Read();
            }
            reader.Skip();
        }
        return string.IsNullOrEmpty(eventName) || timestampMs is null || dataStart < 0
            ? null
            : new Entry(eventName, timestampMs.Value, index, position, dataStart, dataEnd);
    }

    private static long? IndexOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        long? index = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isIndex = reader.ValueTextEquals("index"u8);
            reader.Read();
            if (isIndex && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
            {
                index = value;
            }
            reader.Skip();
        }
        return index;
    }

    private sealed record Entry(string Event, long TimestampMs, long Index, int Position, int DataStart, int DataEnd);
}
