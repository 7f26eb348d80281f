using System.Text.Json;
using System.Text.Unicode;

namespace Vectra.Runner.Capture;

/// <summary>
/// Reads a plain Socket.IO event straight from a WebSocket message's UTF-8 bytes (<c>42["name",a1,a2,…]</c>: an
/// Engine.IO message carrying an event on the default namespace without an ack id) into the event name and the
/// arguments joined as <c>[a1,a2,…]</c>, each byte for byte as received, exactly as <see cref="CatchAllFrames"/>
/// makes them from SocketIOClient's parse. It validates the JSON as SocketIOClient's parse would, but allocates only
/// the args array: the client decodes each message to a UTF-16 string and parses it again into a document,
/// several copies of every frame that a full-speed capture paid for in CPU and garbage collections (BENCHMARKS.md,
/// "seal-throughput"). Anything else (connect, ping, binary, acks, namespaces, malformed JSON) is left to the client.
/// </summary>
/// <remarks>One instance per connection: it keeps the few event names seen, and is not thread-safe.</remarks>
internal sealed class SocketIoEventPackets
{
    // Engine.IO message (4) carrying a Socket.IO EVENT (2) whose payload starts at once: no namespace, no ack id.
    private static ReadOnlySpan<byte> Prefix => "42["u8;

    private const int KeptNames = 32;

    private readonly List<(byte[] Utf8, string Name)> _names = [];
    private readonly List<(int Start, int End)> _args = [];

    /// <summary>
    /// The event in <paramref name="message"/>, or false (and nothing read) when it is not a plain event with a string name
    /// and well-formed JSON arguments.
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> message, out string eventName, out byte[] args)
    {
        eventName = "";
        args = [];
        // The client decodes a message to text first, which replaces ill-formed UTF-8: such a frame stays on its path.
        if (!message.StartsWith(Prefix) || !Utf8.IsValid(message))
        {
            return false;
        }
        var json = message[(Prefix.Length - 1)..];
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }
            var name = NameOf(ref reader);
            _args.Clear();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                _args.Add((start, (int)reader.BytesConsumed));
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return false;
            }
            eventName = name;
            args = Joined(json);
            return true;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Not JSON, or a name that is not well-formed Unicode: the client decides what that is.
            return false;
        }
    }

    private byte[] Joined(ReadOnlySpan<byte> json)
    {
        var length = 2 + Math.Max(0, _args.Count - 1);
        foreach (var (start, end) in _args)
        {
            length += end - start;
        }
        var args = new byte[length];
        args[0] = (byte)'[';
        var at = 1;
        for (var i = 0; i < _args.Count; i++)
        {
            if (i > 0)
            {
                args[at++] = (byte)',';
            }
            var (start, end) = _args[i];
            json[start..end].CopyTo(args.AsSpan(at));
            at += end - start;
        }
        args[at] = (byte)']';
        return args;
    }

    /// <summary>The name the reader is on; a name seen before is the same string, not a new one per frame.</summary>
    private string NameOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }
        var utf8 = reader.ValueSpan;
        foreach (var (known, name) in _names)
        {
            if (utf8.SequenceEqual(known))
            {
                return name;
            }
        }
        var read = reader.GetString()!;
        if (_names.Count < KeptNames)
        {
            _names.Add((utf8.ToArray(), read));
        }
        return read;
    }
}
