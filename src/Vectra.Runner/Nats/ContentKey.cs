using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Vectra.Runner.Nats;

/// <summary>
/// What makes two captured frames the same broadcast: the event name and every argument except a leading trace object
/// (<c>{"__trace":true,"traceparent":…}</c>), whose traceparent is new on every emit (docs/many-machines.md).
/// Two runners that receive the same broadcast compute the same hash; the payload bytes themselves are never changed.
/// </summary>
internal static class ContentKey
{
    private static readonly byte[] TraceMarker = "__trace"u8.ToArray();

    /// <summary>SHA-256 over the event name, a zero byte and the raw text of each argument after the trace object.</summary>
    public static byte[] Hash(string eventName, byte[] args)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(eventName));
        hash.AppendData([0]);
        hash.AppendData(args.AsSpan(PayloadStart(args)));
        return hash.GetHashAndReset();
    }

    /// <summary>The offset in <paramref name="args"/> after a leading trace argument, or 0 when there is none (or the text is not an array).</summary>
    public static int PayloadStart(byte[] args)
    {
        if (args.AsSpan().IndexOf(TraceMarker) < 0)
        {
            return 0;
        }
        try
        {
            var reader = new Utf8JsonReader(args);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return 0;
            }
            var depth = reader.CurrentDepth;
            var traced = false;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals(TraceMarker))
                {
                    reader.Read();
                    traced = reader.TokenType == JsonTokenType.True;
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
            // Only a trace object followed by at least one more argument is a two-argument frame.
            return traced && reader.Read() && reader.TokenType != JsonTokenType.EndArray ? (int)reader.TokenStartIndex : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The <c>Nats-Msg-Id</c> of a frame: the content hash and the receive time's slot, so the same broadcast received
    /// by several runners within one slot is stored once, while the feed's legitimate repeats of a payload (seen 15 s
    /// apart in the real captures) stay distinct. System records are per runner and never collide.
    /// </summary>
    public static string MessageId(string runner, long localSeq, string eventName, byte[] args, long ts)
    {
        if (eventName.StartsWith('$'))
        {
            return $"s-{runner}-{localSeq}";
        }
        return $"f-{Convert.ToHexStringLower(Hash(eventName, args).AsSpan(0, 16))}-{ts / SlotMicros}";
    }

    /// <summary>The width of a message-id time slot: 2 s.</summary>
    public const long SlotMicros = 2_000_000;
}
