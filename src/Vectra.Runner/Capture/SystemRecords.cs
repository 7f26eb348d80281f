using System.Text.Encodings.Web;
using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Runner.Capture;

/// <summary>
/// The capture's lifecycle records (<c>$session.*</c>, <c>$connection.*</c>, <c>$capture.*</c>): what a
/// reader of the journal alone needs to tell when the capture was blind, and why.
/// </summary>
internal sealed class SystemRecords(Guid session, TimeProvider time, string source = SystemRecords.Source)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The <c>meta_source</c> of a direct capture.</summary>
    public const string Source = "live";

    /// <summary>The <c>meta_source</c> of a capture through the browser (<c>--cdp</c>).</summary>
    public const string CdpSource = "cdp";

    /// <summary>The <c>meta_source</c> of everything this capture writes: <see cref="Source"/> or <see cref="CdpSource"/>.</summary>
    public string MetaSource { get; } = source;

    public Guid Session { get; } = session;

    public NewRecord Start(string version, string host, object config) => Make(SystemEvents.SessionStart, 0, new { version, host, config });

    /// <summary><c>{"clean":true}</c>, or when the stop was not clean, how many received frames were not journaled.</summary>
    public NewRecord Stop(bool clean, long notJournaled = 0) =>
        notJournaled > 0 ? Make(SystemEvents.SessionStop, 0, new { clean, notJournaled }) : Make(SystemEvents.SessionStop, 0, new { clean });

    public NewRecord Open(int conn, string url, string? sid) => Make(SystemEvents.ConnectionOpen, conn, new { url, sid });

    /// <summary>A socket of the page the capture is attached to: <c>attached</c> when it was open before the attach (docs/player-records.md).</summary>
    public NewRecord OpenInBrowser(int conn, string? url, string? sid, bool attached) => Make(SystemEvents.ConnectionOpen, conn, new { url, sid, attached });

    public NewRecord Close(int conn, string reason) => Make(SystemEvents.ConnectionClose, conn, new { reason });

    public NewRecord Retry(int conn, int attempt, long delayMs, string? error) => Make(SystemEvents.ConnectionRetry, conn, new { attempt, delayMs, error });

    public NewRecord OverflowOf(long lost) => Make(SystemEvents.CaptureOverflow, 0, new { lost });

    public NewRecord RefusedOf(int conn, string reason, long bytes) => Make(SystemEvents.CaptureRefused, conn, new { reason, bytes });

    /// <summary>What the capture logs when it journals a refusal in a frame's place.</summary>
    public static string RefusalWarning(string reason) => $"a frame could not be journaled unchanged and was replaced by {SystemEvents.CaptureRefused}: {reason}";

    /// <summary>Microseconds since the epoch, now, from the injected clock.</summary>
    public long Now() => MetaTime.FromDateTimeOffset(time.GetUtcNow());

    private NewRecord Make(string eventName, int conn, object body) =>
        new(eventName, JsonSerializer.SerializeToUtf8Bytes(new[] { body }, Json), Now(), Session, conn, MetaSource);
}
