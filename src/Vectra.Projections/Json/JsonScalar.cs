using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vectra.Journal.Storage;

namespace Vectra.Projections.Json;

/// <summary>Reads scalar JSON values from their raw bytes.</summary>
internal static class JsonScalar
{
    public static bool? Bool(ReadOnlySpan<byte> value) =>
        value.SequenceEqual("true"u8) ? true : value.SequenceEqual("false"u8) ? false : null;

    public static int? Int(ReadOnlySpan<byte> value)
    {
        if (Utf8Parser.TryParse(value, out int number, out var used) && used == value.Length)
        {
            return number;
        }
        return Double(value) is { } d && d is >= int.MinValue and <= int.MaxValue && d == Math.Floor(d) ? (int)d : null;
    }

    /// <summary>A JSON number as the nearest double (the same correctly rounded parse as <see cref="double.Parse(string)"/>).</summary>
    public static double? Double(ReadOnlySpan<byte> value) =>
        value.Length > 0 && value[0] is (byte)'-' or >= (byte)'0' and <= (byte)'9'
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Whether the value is a JSON string.</summary>
    public static bool IsString(ReadOnlySpan<byte> value) => value.Length >= 2 && value[0] == (byte)'"';

    /// <summary>A JSON string's text, unescaping only when it holds escapes.</summary>
    public static string? Text(ReadOnlySpan<byte> value)
    {
        if (!IsString(value))
        {
            return null;
        }
        var content = value[1..^1];
        return content.IndexOf((byte)'\\') < 0 ? Encoding.UTF8.GetString(content) : Unescaped(value);
    }

    /// <summary>
    /// A JSON string's text as <see cref="Text(ReadOnlySpan{byte})"/> reads it, taken from <paramref name="texts"/> when it has no
    /// escapes, so a value that repeats (a game id for thousands of events) is not a new string each time.
    /// </summary>
    public static string? Text(ReadOnlySpan<byte> value, Utf8TextCache texts)
    {
        if (!IsString(value))
        {
            return null;
        }
        var content = value[1..^1];
        return content.IndexOf((byte)'\\') < 0 ? texts.Decode(content) : Unescaped(value);
    }

    private static string? Unescaped(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        reader.Read();
        return reader.GetString();
    }
}
