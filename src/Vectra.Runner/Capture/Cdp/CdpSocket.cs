namespace Vectra.Runner.Capture.Cdp;

/// <summary>One websocket of the attached page as <see cref="CdpSockets"/> tracks it: its connection number once open, and its last sign of life.</summary>
internal sealed class CdpSocket(string? url, bool attached, long createdAt)
{
    public long LastLife { get; set; } = createdAt;

    public string? Url { get; } = url;

    public bool Attached { get; } = attached;

    /// <summary>The connection number once open; 0 before.</summary>
    public int Number { get; set; }

    public int AttachmentsToSkip { get; set; }
}
