using System.Text.Json;

namespace Vectra.Runner.Import;

/// <summary>Slices values out of the JSON text they were read from, byte for byte.</summary>
internal static class RawJson
{
    /// <summary>
    /// The bytes of the value the reader is on (it must have just read the value's first token), and moves
    /// the reader past it. Strings keep their quotes and escapes; objects and arrays their whitespace.
    /// </summary>
    public static ReadOnlySpan<byte> TakeValue(scoped ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return source[start..(int)reader.BytesConsumed];
    }

    /// <summary>The recorded time of a string value, or null when it is not a string or not an ISO-8601 time.</summary>
    public static RecordedTime? TimeOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return null;
        }
        return RecordedTime.TryParse(reader.ValueSpan, out var time) ? time : null;
    }
}
