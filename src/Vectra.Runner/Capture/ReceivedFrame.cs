namespace Vectra.Runner.Capture;

/// <summary>One Socket.IO event as received: its name and every argument as a raw JSON array text.</summary>
/// <param name="Event">The event name.</param>
/// <param name="ArgsJson">The arguments, each byte for byte as received, joined as <c>[a1,a2,…]</c>.</param>
/// <param name="BinaryAttachments">How many binary attachments came with the event; their places in
/// <paramref name="ArgsJson"/> hold Socket.IO placeholders (<c>{"_placeholder":true,"num":N}</c>).</param>
internal sealed record ReceivedFrame(string Event, string ArgsJson, int BinaryAttachments);
