namespace Vectra.Runner.Capture.Cdp;

/// <summary>What one WebSocket text message of a Socket.IO connection is, as far as the capture cares.</summary>
internal enum SocketIoPacketKind
{
    /// <summary>Not an Engine.IO/Socket.IO packet the capture can read (refused, never guessed at).</summary>
    Malformed,

    /// <summary>Engine.IO ping (<c>2</c>): not journaled, keeps the watchdog alive.</summary>
    Ping,

    /// <summary>Engine.IO pong (<c>3</c>): not journaled, keeps the watchdog alive.</summary>
    Pong,

    /// <summary>Socket.IO connect (<c>40</c>), with the session id when the server sent one.</summary>
    Connect,

    /// <summary>Every other non-event packet (Engine.IO open/close/upgrade/noop, Socket.IO disconnect or connect error): not journaled.</summary>
    Control,

    /// <summary>Socket.IO event (<c>42["name",…]</c> or <c>42&lt;id&gt;[…]</c>).</summary>
    Event,

    /// <summary>Socket.IO acknowledgement (<c>43&lt;id&gt;[…]</c>).</summary>
    Ack,

    /// <summary>Socket.IO binary event or ack (<c>45</c>/<c>46</c>): its arguments hold placeholders for attachments that follow as binary messages; refused, as the direct capture refuses them.</summary>
    Binary,
}
