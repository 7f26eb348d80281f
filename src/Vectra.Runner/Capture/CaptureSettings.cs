namespace Vectra.Runner.Capture;

/// <summary>
/// What <c>vectra capture</c> connects to and how it stores: the <c>Capture</c> section of
/// appsettings.json, overridden by <c>VECTRA__CAPTURE__…</c> environment variables, overridden by the command line.
/// </summary>
public sealed class CaptureSettings
{
    /// <summary>The Socket.IO server (the Engine.IO path <c>/socket.io/</c> is added by the client).</summary>
    public string Url { get; set; } = "https://backend.rugs.fun";

    /// <summary>Capture through a browser instead: its DevTools HTTP endpoint (<c>http://127.0.0.1:9222</c>); null captures directly from <see cref="Url"/>.</summary>
    public string? Cdp { get; set; }

    /// <summary>With <see cref="Cdp"/>: attach to the first page whose URL contains this text.</summary>
    public string PageUrlContains { get; set; } = "rugs.fun";

    /// <summary>The <c>Origin</c> header sent with the handshake; empty sends none.</summary>
    public string Origin { get; set; } = "https://rugs.fun";

    /// <summary>Query parameters of the handshake; an empty value leaves that parameter out.</summary>
    public Dictionary<string, string> Query { get; set; } = new() { ["frontend-version"] = "1.0" };

    /// <summary><c>websocket</c> or <c>polling</c>.</summary>
    public string Transport { get; set; } = "websocket";

    /// <summary><c>always</c> or <c>batch</c>.</summary>
    public string Durability { get; set; } = "batch";

    /// <summary>The data folder; null means the CLI default (<c>$VECTRA_DATA</c>, else <c>./data</c>).</summary>
    public string? Data { get; set; }

    /// <summary>Reconnect when nothing (no frame, no ping, no byte) arrived for this many seconds on an open connection.</summary>
    public double WatchdogSeconds { get; set; } = 30;

    /// <summary>For this long after a connection is lost, retries come every 0.5–1 s (short outages are the common case).</summary>
    public double FastRetrySeconds { get; set; } = 20;

    /// <summary>After the fast phase, retry delays double (with jitter) up to this many seconds.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>How long one connection attempt may take to be joined.</summary>
    public double ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>How many received frames may wait for the journal before new ones are counted as lost.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>How many bytes of args the waiting frames may hold before the socket stops reading until the journal catches up (frames then wait in the network's buffers, not in memory).</summary>
    public long QueueBytes { get; set; } = CaptureQueue.DefaultByteBudget;

    /// <summary>Whether projections run beside the capture (the hook is in <see cref="CaptureProjections"/>).</summary>
    public bool Projections { get; set; } = true;

    /// <summary>Print <c>ack SEQ</c> on stdout for every durable append (for crash tests).</summary>
    public bool PrintAcks { get; set; }

    /// <summary>Test seam, 0 in use: delays every append by this many milliseconds per record, as a slow disk would (<c>VECTRA__CAPTURE__SIMULATEDSLOWDISKMSPERRECORD</c>).</summary>
    public double SimulatedSlowDiskMsPerRecord { get; set; }

    /// <summary>Seconds between progress lines on stderr.</summary>
    public double ProgressSeconds { get; set; } = 5;

    /// <summary>The query parameters actually sent (non-empty values).</summary>
    public IEnumerable<KeyValuePair<string, string>> EffectiveQuery => Query.Where(pair => pair.Value.Length > 0);
}
