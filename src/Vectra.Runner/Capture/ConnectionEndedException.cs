namespace Vectra.Runner.Capture;

/// <summary>A connection closed or could not be opened; the reconnect policy handles it.</summary>
internal sealed class ConnectionEndedException(string reason, bool wasOpen) : Exception(reason)
{
    /// <summary>Why: the client's disconnect reason, the watchdog, or the connect error.</summary>
    public string Reason { get; } = reason;

    /// <summary>Whether the connection had opened (false: the attempt failed).</summary>
    public bool WasOpen { get; } = wasOpen;
}
