using Microsoft.Extensions.Logging;

namespace Vectra.Runner.Capture;

/// <summary>The capture's log messages (stderr), one method per message.</summary>
internal static partial class CaptureLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "capture session {Session} writing {Journal} ({Durability}), connecting to {Url}")]
    public static partial void SessionStarted(this ILogger log, Guid session, string journal, string durability, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "connection #{Number} closed: {Reason}")]
    public static partial void ConnectionClosed(this ILogger log, int number, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "connection #{Number} in {DelayMs} ms (retry {Attempt}){Error}")]
    public static partial void Retrying(this ILogger log, int number, long delayMs, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void FrameRefused(this ILogger log, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} received frame(s) were NOT journaled: the queue could not be drained within the stop budget of {Seconds} s (the journal's disk is too slow); $session.stop records the count")]
    public static partial void FramesNotJournaled(this ILogger log, long count, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "projections stopped: {Message} Capture continues; the projections resume from their checkpoints at the next `vectra project`.")]
    public static partial void ProjectionsStopped(this ILogger log, string message);
}
