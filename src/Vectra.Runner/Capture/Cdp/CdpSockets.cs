using System.Text;
using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Runner.Capture.Cdp;

/// <summary>
/// Turns the Network and Page events of one attached page into journal records: every Socket.IO
/// websocket of the page (<c>/socket.io/</c> in its URL) is a connection of its own, with
/// <c>$connection.open</c> when it joins (or at its first frame when it was already open before the
/// attach: <c>attached: true</c>) and <c>$connection.close</c> with a reason when it closes. Received
/// events are journaled as the direct capture journals them; sent packets as <c>$cdp.sent</c>, received
/// acks as <c>$cdp.ack</c> (docs/player-records.md). Pings, pongs and other control packets are not
/// journaled but count as life for the watchdog.
/// </summary>
/// <remarks>
/// Failure policy: a message that is not a Socket.IO packet, and a binary event (its attachments
/// arrive as separate messages the journal cannot hold), are journaled as <c>$capture.refused</c>
/// with the reason and logged; a frame the queue cannot take is counted as lost. Nothing here throws
/// on the browser's input. Events come from the DevTools reader; the watchdog asks from its own task, so every entry point takes one lock.
/// </remarks>
internal sealed class CdpSockets(CaptureQueue queue, SystemRecords system, CaptureState state, TimeProvider time, int firstNumber, Action<string> warn)
{
    private const string SocketIoPath = "/socket.io/";
    private const string LateFrame = "the browser reported a frame of a socket whose page had already reloaded or navigated away (its connection was journaled closed); it was not captured.";

    private readonly Dictionary<string, CdpSocket> _sockets = [];
    private readonly HashSet<string> _otherSockets = [];
    private readonly HashSet<string> _leftBehind = [];
    private int _nextNumber = firstNumber;
    private readonly Lock _gate = new();
    private bool _navigating;
    private long? _blindSince = time.GetTimestamp();

    /// <summary>The number of the last connection opened, 0 when none was.</summary>
    public int LastOpened { get; private set; }


    /// <summary>Handles one DevTools event.</summary>
    public void On(string method, JsonElement parameters)
    {
        lock (_gate)
        {
            Handle(method, parameters);
        }
    }

    /// <summary>Journals the close of every open connection, with <paramref name="reason"/> (the attach ended).</summary>
    public void CloseAll(string reason)
    {
        lock (_gate)
        {
            foreach (var socket in _sockets.Values.Where(socket => socket.Number != 0).OrderBy(socket => socket.Number))
            {
                Close(socket, reason);
            }
            _sockets.Clear();
        }
    }

    /// <summary>How long the page has had no open Socket.IO connection (since the attach, or since its last one closed); null while one is open.</summary>
    public TimeSpan? Blind()
    {
        lock (_gate)
        {
            return _blindSince is { } since ? time.GetElapsedTime(since) : null;
        }
    }

    /// <summary>The watchdog's reason when an open connection has been silent for <paramref name="limit"/>, else null.</summary>
    public string? Silent(TimeSpan limit)
    {
        lock (_gate)
        {
            foreach (var socket in _sockets.Values)
            {
                if (socket.Number != 0 && time.GetElapsedTime(socket.LastLife) >= limit)
                {
                    return $"watchdog: nothing received on the page's socket for {limit.TotalSeconds:0.###} s";
                }
            }
            return null;
        }
    }

    private void Handle(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "Network.webSocketCreated":
                Created(Text(parameters, "requestId"), Text(parameters, "url"));
                break;
            case "Network.webSocketFrameReceived":
                Frame(Text(parameters, "requestId"), parameters, received: true);
                break;
            case "Network.webSocketFrameSent":
                Frame(Text(parameters, "requestId"), parameters, received: false);
                break;
            case "Network.webSocketClosed":
                Closed(Text(parameters, "requestId"));
                break;
            case "Page.frameNavigated" when IsMainFrame(parameters):
                Navigated(parameters.GetProperty("frame"));
                break;
            case "Page.frameStartedLoading" or "Page.frameRequestedNavigation":
                _navigating = true;
                break;
            case "Page.loadEventFired":
                _navigating = false;
                break;
        }
    }

    private void Created(string? requestId, string? url)
    {
        if (requestId is null || url is null)
        {
            return;
        }
        if (!url.Contains(SocketIoPath, StringComparison.Ordinal))
        {
            _otherSockets.Add(requestId);
            return;
        }
        _sockets[requestId] = new CdpSocket(url, attached: false, time.GetTimestamp());
    }

    /// <summary>
    /// The page's document was replaced (a reload, a navigation): Chromium reports no close for its sockets,
    /// so they are closed here; a frame still reported for one later is refused, not silently dropped.
    /// </summary>
    private void Navigated(JsonElement frame)
    {
        var url = frame.TryGetProperty("url", out var value) ? value.GetString() : null;
        foreach (var (requestId, socket) in _sockets.Where(pair => pair.Value.Number != 0).OrderBy(pair => pair.Value.Number).ToList())
        {
            Close(socket, $"the page reloaded or navigated (to {url}): its socket is gone");
            _sockets.Remove(requestId);
            _leftBehind.Add(requestId);
        }
        _navigating = false;
    }

    private static bool IsMainFrame(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("frame", out var frame)
        && frame.ValueKind == JsonValueKind.Object && !frame.TryGetProperty("parentId", out _);

    private void Frame(string? requestId, JsonElement parameters, bool received)
    {
        if (requestId is null || _otherSockets.Contains(requestId)
            || !parameters.TryGetProperty("response", out var response)
            || !response.TryGetProperty("payloadData", out var data) || data.GetString() is not { } payload)
        {
            return;
        }
        var opcode = response.TryGetProperty("opcode", out var op) && op.TryGetInt32(out var code) ? code : 1;
        var bytes = Encoding.UTF8.GetBytes(payload);
        if (_leftBehind.Contains(requestId))
        {
            queue.AddSystem(system.RefusedOf(0, LateFrame, bytes.Length));
            warn(SystemRecords.RefusalWarning(LateFrame));
            return;
        }
        if (!_sockets.TryGetValue(requestId, out var socket))
        {
            // A socket the page opened before the attach: its frames are the first sign of it.
            if (opcode != 1 || SocketIoPacket.Parse(bytes).Kind == SocketIoPacketKind.Malformed)
            {
                _otherSockets.Add(requestId);
                return;
            }
            socket = _sockets[requestId] = new CdpSocket(null, attached: true, time.GetTimestamp());
            Open(socket, sid: null);
        }
        socket.LastLife = time.GetTimestamp();
        if (opcode != 1)
        {
            Binary(socket, payload.Length);
            return;
        }
        var packet = SocketIoPacket.Parse(bytes);
        switch (packet.Kind)
        {
            case SocketIoPacketKind.Ping or SocketIoPacketKind.Pong or SocketIoPacketKind.Control:
                return;
            case SocketIoPacketKind.Connect:
                if (received && socket.Number == 0)
                {
                    Open(socket, packet.Sid);
                }
                return;
        }
        if (socket.Number == 0)
        {
            Open(socket, sid: null);
        }
        switch (packet.Kind)
        {
            case SocketIoPacketKind.Event when received:
                Journal(socket, packet.Event!, packet.Args);
                break;
            case SocketIoPacketKind.Ack when received:
                Journal(socket, SystemEvents.CdpAck, CdpFrameRecords.Ack(packet), captureNamed: true);
                break;
            case SocketIoPacketKind.Event or SocketIoPacketKind.Ack:
                Journal(socket, SystemEvents.CdpSent, CdpFrameRecords.Sent(packet), captureNamed: true);
                break;
            case SocketIoPacketKind.Binary:
                socket.AttachmentsToSkip += packet.Attachments;
                Refuse(socket, $"the page {(received ? "received" : "sent")} {(packet.Event is null ? "an ack" : $"event '{packet.Event}'")} with {packet.Attachments} binary attachment(s); binary Socket.IO packets are not captured (as in the direct capture).", bytes.Length);
                break;
            default:
                Refuse(socket, $"the page's Socket.IO websocket {(received ? "received" : "sent")} a message that is not a Socket.IO packet (starts with '{Start(payload)}').", bytes.Length);
                break;
        }
    }

    private void Binary(CdpSocket socket, int length)
    {
        if (socket.AttachmentsToSkip > 0)
        {
            // An attachment of a binary packet already refused.
            socket.AttachmentsToSkip--;
            return;
        }
        if (socket.Number == 0)
        {
            Open(socket, sid: null);
        }
        Refuse(socket, "the page's Socket.IO websocket carried a binary message outside a binary packet; it was not captured.", length);
    }

    private void Closed(string? requestId)
    {
        if (requestId is null)
        {
            return;
        }
        _otherSockets.Remove(requestId);
        _leftBehind.Remove(requestId);
        if (_sockets.Remove(requestId, out var socket) && socket.Number != 0)
        {
            Close(socket, _navigating ? "the page reloaded or navigated away: its socket closed" : "the page's socket closed");
        }
    }

    private void Open(CdpSocket socket, string? sid)
    {
        socket.Number = _nextNumber++;
        LastOpened = socket.Number;
        _blindSince = null;
        queue.AddSystem(system.OpenInBrowser(socket.Number, socket.Url, sid, socket.Attached));
        state.Opened(socket.Number);
    }

    private void Close(CdpSocket socket, string reason)
    {
        queue.AddSystem(system.Close(socket.Number, reason));
        socket.Number = 0;
        if (!_sockets.Values.Any(other => other.Number != 0))
        {
            state.Closed();
            _blindSince = time.GetTimestamp();
        }
    }

    private void Journal(CdpSocket socket, string eventName, byte[] args, bool captureNamed = false)
    {
        state.FrameReceived();
        if (!queue.TryAddFrame(new NewRecord(eventName, args, system.Now(), system.Session, socket.Number, system.MetaSource), captureNamed))
        {
            state.FrameLost();
        }
    }

    private void Refuse(CdpSocket socket, string reason, long bytes)
    {
        queue.AddSystem(system.RefusedOf(socket.Number, reason, bytes));
        warn(SystemRecords.RefusalWarning(reason));
    }

    private static string Start(string payload) => payload.Length <= 16 ? payload : payload[..16] + "…";

    private static string? Text(JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
