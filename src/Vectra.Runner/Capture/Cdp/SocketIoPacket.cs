using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Vectra.Runner.Capture.Cdp;

/// <summary>
/// One WebSocket text message of a Socket.IO connection (Engine.IO 3 or 4), split without re-encoding:
/// the event name, the ack id, and the arguments after the name byte for byte, joined as <c>[a1,a2,…]</c>
/// exactly as the direct capture joins them.
/// </summary>
/// <param name="Kind">What the packet is.</param>
/// <param name="Event">The event name (events and binary events), else null.</param>
/// <param name="AckId">The Socket.IO ack id when the packet carries one.</param>
/// <param name="Args">Events and acks: the arguments after the name as a raw JSON array; else empty.</param>
/// <param name="Attachments">Binary packets: how many binary messages follow.</param>
/// <param name="Sid">Connect packets: the Socket.IO session id, when given.</param>
internal sealed record SocketIoPacket(SocketIoPacketKind Kind, string? Event, long? AckId, byte[] Args, int Attachments, string? Sid)
{
    private static readonly SocketIoPacket MalformedPacket = Of(SocketIoPacketKind.Malformed);
    private static readonly SocketIoPacket PingPacket = Of(SocketIoPacketKind.Ping);
    private static readonly SocketIoPacket PongPacket = Of(SocketIoPacketKind.Pong);
    private static readonly SocketIoPacket ControlPacket = Of(SocketIoPacketKind.Control);

    /// <summary>The arguments as text.</summary>
    public string ArgsJson => Encoding.UTF8.GetString(Args);

    /// <summary>Reads one text message (UTF-8). Never throws: what it cannot read is <see cref="SocketIoPacketKind.Malformed"/>.</summary>
    public static SocketIoPacket Parse(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            return MalformedPacket;
        }
        return message[0] switch
        {
            (byte)'2' => PingPacket,
            (byte)'3' => PongPacket,
            (byte)'0' or (byte)'1' or (byte)'5' or (byte)'6' => ControlPacket,
            (byte)'4' => ParseSocketIo(message[1..]),
            _ => MalformedPacket,
        };
    }

    private static SocketIoPacket ParseSocketIo(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return MalformedPacket;
        }
        var type = packet[0];
        var rest = packet[1..];
        var attachments = 0;
        if (type is (byte)'5' or (byte)'6')
        {
            var dash = rest.IndexOf((byte)'-');
            if (dash <= 0 || !Utf8Parser.TryParse(rest[..dash], out attachments, out var used) || used != dash)
            {
                return MalformedPacket;
            }
            rest = rest[(dash + 1)..];
        }
        rest = SkipNamespace(rest);
        long? ackId = null;
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit((char)rest[digits]))
        {
            digits++;
        }
        if (digits > 0)
        {
            if (!Utf8Parser.TryParse(rest[..digits], out long id, out _))
            {
                return MalformedPacket;
            }
            ackId = id;
            rest = rest[digits..];
        }
        return type switch
        {
            (byte)'0' => Connected(rest),
            (byte)'1' or (byte)'4' => ControlPacket,
            (byte)'2' => Arguments(rest, named: true) is ({ } name, { } args) ? new(SocketIoPacketKind.Event, name, ackId, args, 0, null) : MalformedPacket,
            (byte)'3' => ackId is not null && Arguments(rest, named: false) is (_, { } args) ? new(SocketIoPacketKind.Ack, null, ackId, args, 0, null) : MalformedPacket,
            (byte)'5' => Arguments(rest, named: true) is ({ } name, { } args) ? new(SocketIoPacketKind.Binary, name, ackId, args, attachments, null) : MalformedPacket,
            (byte)'6' => ackId is not null && Arguments(rest, named: false) is (_, { } args) ? new(SocketIoPacketKind.Binary, null, ackId, args, attachments, null) : MalformedPacket,
            _ => MalformedPacket,
        };
    }

    /// <summary>A namespace other than <c>/</c> is written <c>/name,</c> before the ack id.</summary>
    private static ReadOnlySpan<byte> SkipNamespace(ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty || rest[0] != (byte)'/')
        {
            return rest;
        }
        var comma = rest.IndexOf((byte)',');
        return comma < 0 ? [] : rest[(comma + 1)..];
    }

    private static SocketIoPacket Connected(ReadOnlySpan<byte> payload)
    {
        string? sid = null;
        if (!payload.IsEmpty)
        {
            try
            {
                var reader = new Utf8JsonReader(payload);
                using var document = JsonDocument.ParseValue(ref reader);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("sid", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    sid = value.GetString();
                }
            }
            catch (JsonException)
            {
                return MalformedPacket;
            }
        }
        return new(SocketIoPacketKind.Connect, null, null, [], 0, sid);
    }

    /// <summary>The JSON array of an event or ack: the name (when <paramref name="named"/>) and the remaining elements' raw bytes as one array; nulls when it is not such an array.</summary>
    private static (string? Name, byte[]? Args) Arguments(ReadOnlySpan<byte> payload, bool named)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return (null, null);
            }
            string? name = null;
            if (named)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return (null, null);
                }
                name = reader.GetString();
            }
            var elements = new List<Range>();
            var length = 2;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                elements.Add(start..end);
                length += end - start + (elements.Count > 1 ? 1 : 0);
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return (null, null);
            }
            var args = new byte[length];
            args[0] = (byte)'[';
            var at = 1;
            foreach (var element in elements)
            {
                if (at > 1)
                {
                    args[at++] = (byte)',';
                }
                payload[element].CopyTo(args.AsSpan(at));
                at += element.End.Value - element.Start.Value;
            }
            args[at] = (byte)']';
            return (name, args);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static SocketIoPacket Of(SocketIoPacketKind kind) => new(kind, null, null, [], 0, null);
}
