namespace Vectra.Runner.Capture.Cdp;

/// <summary>The browser answered a DevTools command with an error, or the DevTools connection ended before it answered.</summary>
internal sealed class CdpException(string message) : Exception(message);
