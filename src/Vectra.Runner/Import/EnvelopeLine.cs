using System.Text.Json;

namespace Vectra.Runner.Import;

/// <summary>
/// One recorded frame in the envelope shapes the Python recorders wrote (<c>{ts, event, data}</c> and
/// its variants): the time, the event name, the raw <c>data</c> bytes and an optional direction.
/// </summary>
internal readonly ref struct EnvelopeLine
{
    private EnvelopeLine(RecordedTime time, string eventName, ReadOnlySpan<byte> data, bool hasData, string? direction)
    {
        Time = time;
        Event = eventName;
        Data = data;
        HasData = hasData;
        Direction = direction;
    }

    /// <summary>When the frame was recorded.</summary>
    public RecordedTime Time { get; }

    /// <summary>The Socket.IO event name.</summary>
    public string Event { get; }

    /// <summary>The <c>data</c> value's bytes as written.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Whether the line had a <c>data</c> key.</summary>
    public bool HasData { get; }

    /// <summary>The <c>direction</c> value (<c>received</c>/<c>sent</c>), if any.</summary>
    public string? Direction { get; }

    /// <summary>
    /// Reads a whole line as one JSON object with the time under <paramref name="timeKey"/> and the event
    /// under <paramref name="eventKey"/>; false when either is missing or the line is not one object.
    /// Throws <see cref="JsonException"/> for text that is not JSON.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, ReadOnlySpan<byte> timeKey, ReadOnlySpan<byte> eventKey, out EnvelopeLine envelope)
    {
        envelope = default;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        RecordedTime? time = null;
        string? eventName = null, direction = null;
        ReadOnlySpan<byte> data = default;
        var hasData = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(timeKey))
            {
                reader.Read();
                time = RawJson.TimeOf(ref reader);
                reader.Skip();
            }
            else if (reader.ValueTextEquals(eventKey))
            {
                reader.Read();
                eventName = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                data = RawJson.TakeValue(ref reader, line);
                hasData = true;
            }
            else if (reader.ValueTextEquals("direction"u8))
            {
                reader.Read();
                direction = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.Read() || time is null || string.IsNullOrEmpty(eventName))
        {
            return false;
        }
        envelope = new EnvelopeLine(time.Value, eventName, data, hasData, direction);
        return true;
    }

    /// <summary>The record's args: <c>[trace, payload]</c> as it stands, one argument wrapped, no data → <c>[]</c>.</summary>
    public byte[] Args() => HasData ? FrameArgs.FromData(Data) : "[]"u8.ToArray();
}
