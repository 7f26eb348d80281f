namespace Vectra.Runner.Serve;

/// <summary>What <c>vectra serve</c> (or <c>capture --serve</c>) was asked for.</summary>
/// <param name="DataDirectory">The data folder whose journal.db and views.db are shown.</param>
/// <param name="Url">The one http URL to listen on, loopback unless <paramref name="AllowRemote"/>.</param>
/// <param name="AllowRemote">Whether a non-loopback address was explicitly allowed.</param>
/// <param name="OtlpEndpoint">Where to push metrics over OTLP, or null for none.</param>
internal sealed record ServeOptions(string DataDirectory, Uri Url, bool AllowRemote, Uri? OtlpEndpoint)
{
    /// <summary>Set by <c>capture --serve</c>: figures only the capturing process knows (queue depth, connection).</summary>
    public Func<CaptureFigures>? CaptureInProcess { get; init; }

    /// <summary>Whether pages that read views.db alone are served again from their last rendering while views.db is unchanged; off only to measure what that saves (<c>bench serve</c>).</summary>
    public bool CachePages { get; init; } = true;
}

/// <summary>The capture's own figures, when the dashboard runs inside the capturing process.</summary>
internal sealed record CaptureFigures(bool Connected, long FramesReceived, int Queued, long Lost, TimeSpan Blind);
