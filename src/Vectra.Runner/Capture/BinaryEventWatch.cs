using System.Text.Json;
using SocketIOClient.Transport;

namespace Vectra.Runner.Capture;

/// <summary>
/// Watches a connection's raw WebSocket text messages for Socket.IO binary events (packet type 5, e.g.
/// <c>451-["name",{"_placeholder":true,"num":0}]</c>). SocketIOClient never hands such an event to its
/// catch-all, so without this watch it would vanish silently; with it the capture can refuse it with a reason.
/// </summary>
internal sealed class BinaryEventWatch(Action<string, int, int> onBinaryEvent) : IObserver<string>
{
    // Engine.IO message packet (4) carrying a Socket.IO BINARY_EVENT packet (5).
    private const string BinaryEventPrefix = "45";

    /// <summary>Wraps <paramref name="provider"/> so every socket it makes is watched; <paramref name="onBinaryEvent"/> gets the event name, attachment count and text length.</summary>
    public static Func<IClientWebSocket> Watching(Func<IClientWebSocket> provider, Action<string, int, int> onBinaryEvent) => () =>
    {
        var socket = provider();
        // Subscribed before SocketIOClient's own subscription, so a refusal is queued before the frames after it.
        socket.TextObservable.Subscribe(new BinaryEventWatch(onBinaryEvent));
        return socket;
    };

    public void OnNext(string value)
    {
        if (!value.StartsWith(BinaryEventPrefix, StringComparison.Ordinal))
        {
            return;
        }
        try
        {
            var (name, attachments) = Describe(value);
            onBinaryEvent(name, attachments, value.Length);
        }
        catch (Exception)
        {
            // This runs inside SocketIOClient's receive loop: nothing may escape into it (a throw there
            // would end the loop and silence the connection). Refusing is best effort: at shutdown the
            // queue may already be closed.
        }
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    /// <summary>The event name and attachment count from a binary event's header, as far as they can be read.</summary>
    public static (string Name, int Attachments) Describe(string packet)
    {
        var dash = packet.IndexOf('-', StringComparison.Ordinal);
        var attachments = dash > 2 && int.TryParse(packet.AsSpan(2, dash - 2), out var count) ? count : 0;
        var bracket = packet.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return ("?", attachments);
        }
        try
        {
            using var array = JsonDocument.Parse(packet.AsMemory(bracket));
            var first = array.RootElement.GetArrayLength() > 0 ? array.RootElement[0] : default;
            return (first.ValueKind == JsonValueKind.String ? first.GetString()! : "?", attachments);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Not JSON, or a name that is not well-formed Unicode.
            return ("?", attachments);
        }
    }
}
