using Microsoft.Extensions.Logging;

namespace Vectra.Runner.Capture.Cdp;

/// <summary>The browser capture's log messages (stderr), one method per message.</summary>
internal static partial class CdpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "attached to page {Url} through {Endpoint}: capturing its Socket.IO websocket")]
    public static partial void Attached(this ILogger log, string url, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "page {Url} has had no open Socket.IO websocket for {Seconds:0} s: nothing is being captured. Reload the game's page; a page that fell back to HTTP long-polling cannot be captured through DevTools")]
    public static partial void Blind(this ILogger log, string url, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "detached from page {Url}: {Reason}")]
    public static partial void Detached(this ILogger log, string url, string reason);
}
