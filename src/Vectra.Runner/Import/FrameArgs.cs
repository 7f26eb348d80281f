using System.Text.Json;

namespace Vectra.Runner.Import;

/// <summary>
/// Builds a record's <c>args</c> from a recording's raw <c>data</c> bytes, never re-serializing them:
/// <c>[trace, payload]</c> (a two-element array whose first element is an object with <c>__trace</c>)
/// was a two-argument frame and is the args as it stands; anything else was one argument and is wrapped.
/// </summary>
internal static class FrameArgs
{
    /// <summary>The args for <paramref name="data"/>, a complete JSON value.</summary>
    public static byte[] FromData(ReadOnlySpan<byte> data) => IsTraceAndPayload(data) ? data.ToArray() : Wrap(data);

    /// <summary><c>[</c> + <paramref name="value"/> + <c>]</c>.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> value)
    {
        var args = new byte[value.Length + 2];
        args[0] = (byte)'[';
        value.CopyTo(args.AsSpan(1));
        args[^1] = (byte)']';
        return args;
    }

    /// <summary>True for a two-element array whose first element is an object holding a <c>__trace</c> key.</summary>
    public static bool IsTraceAndPayload(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        var traced = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            traced |= reader.ValueTextEquals("__trace"u8);
            reader.Read();
            reader.Skip();
        }
        if (!traced || !reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }
        reader.Skip();
        return reader.Read() && reader.TokenType == JsonTokenType.EndArray;
    }
}
