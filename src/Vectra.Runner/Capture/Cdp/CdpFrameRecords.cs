using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vectra.Runner.Capture.Cdp;

/// <summary>
/// The arguments of <c>$cdp.sent</c> and <c>$cdp.ack</c> (docs/player-records.md): a one-element array
/// whose object carries the packet's arguments byte for byte, never re-serialized.
/// </summary>
internal static class CdpFrameRecords
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary><c>[{"direction":"sent","event":…,"ackId":…,"args":[…]}]</c>; <c>event</c> is null for a sent ack packet.</summary>
    public static byte[] Sent(SocketIoPacket packet) => Write("sent", packet, withEvent: true);

    /// <summary><c>[{"direction":"received","ackId":…,"args":[…]}]</c>.</summary>
    public static byte[] Ack(SocketIoPacket packet) => Write("received", packet, withEvent: false);

    private static byte[] Write(string direction, SocketIoPacket packet, bool withEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(packet.Args.Length + 96);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("direction", direction);
            if (withEvent)
            {
                if (packet.Event is null)
                {
                    json.WriteNull("event");
                }
                else
                {
                    json.WriteString("event", packet.Event);
                }
            }
            if (packet.AckId is { } ackId)
            {
                json.WriteNumber("ackId", ackId);
            }
            else
            {
                json.WriteNull("ackId");
            }
            json.WritePropertyName("args");
            json.WriteRawValue(packet.Args, skipInputValidation: true);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
