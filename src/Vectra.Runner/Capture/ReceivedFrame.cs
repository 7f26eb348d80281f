using System.Text;

namespace Vectra.Runner.Capture;

/// <summary>One Socket.IO event as received: its name and every argument as a raw JSON array.</summary>
/// <param name="Event">The event name.</param>
/// <param name="Args">The arguments, each byte for byte as received, joined as <c>[a1,a2,…]</c> in UTF-8.</param>
/// <param name="BinaryAttachments">How many binary attachments came with the event; their places in
/// <paramref name="Args"/> hold Socket.IO placeholders (<c>{"_placeholder":true,"num":N}</c>).</param>
internal sealed record ReceivedFrame(string Event, byte[] Args, int BinaryAttachments)
{
    /// <summary>The arguments as text.</summary>
    public string ArgsJson => Encoding.UTF8.GetString(Args);

    /// <summary>A frame whose arguments are given as text.</summary>
    public static ReceivedFrame FromText(string eventName, string argsJson, int binaryAttachments = 0) =>
        new(eventName, Encoding.UTF8.GetBytes(argsJson), binaryAttachments);

    /// <summary>Frames are equal when their names, argument bytes and attachment counts are.</summary>
    public bool Equals(ReceivedFrame? other) =>
        other is not null && Event == other.Event && BinaryAttachments == other.BinaryAttachments && Args.AsSpan().SequenceEqual(other.Args);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Event, Args.Length, BinaryAttachments);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Event = {Event}, Args = {ArgsJson}, BinaryAttachments = {BinaryAttachments}");
        return true;
    }
}
