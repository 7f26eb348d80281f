using Microsoft.Extensions.Logging;

namespace Vectra.Runner.Serve;

/// <summary>The dashboard's log messages (stderr), one method per message.</summary>
internal static partial class ServeLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed: {Error}")]
    public static partial void RequestFailed(this ILogger log, string method, string path, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "live feed: {Problem}; retrying")]
    public static partial void LiveFeedFailed(this ILogger log, string problem);
}
