namespace Vectra.Journal.Records;

/// <summary>
/// The names of the system records, the journal's own lines beside the feed's frames: a name that
/// starts with <c>$</c> is never a feed event (the capture refuses a frame that claims one). Every
/// writer and reader of these records uses these names; the args each one carries are listed with it.
/// </summary>
/// <remarks>docs/architecture.md §3, "System records", tells what each one means to a reader.</remarks>
public static class SystemEvents
{
    /// <summary>The first character of every system record's name.</summary>
    public const char Prefix = '$';

    /// <summary>A capture began: <c>[{version, host, config}]</c>.</summary>
    public const string SessionStart = "$session.start";

    /// <summary>A capture ended: <c>[{clean}]</c>, with <c>notJournaled</c> when received frames could not be journaled.</summary>
    public const string SessionStop = "$session.stop";

    /// <summary>A connection joined the feed: <c>[{url, sid}]</c>; imports write the recorder's own line.</summary>
    public const string ConnectionOpen = "$connection.open";

    /// <summary>A connection ended: <c>[{reason}]</c>; imports write the recorder's own line.</summary>
    public const string ConnectionClose = "$connection.close";

    /// <summary>A reconnect attempt is scheduled: <c>[{attempt, delayMs, error}]</c>.</summary>
    public const string ConnectionRetry = "$connection.retry";

    /// <summary>Frames were lost to a full queue: <c>[{lost}]</c>.</summary>
    public const string CaptureOverflow = "$capture.overflow";

    /// <summary>A frame that could not be journaled unchanged, in its place: <c>[{reason, bytes}]</c>.</summary>
    public const string CaptureRefused = "$capture.refused";

    /// <summary>A frame the browser sent: <c>[line]</c> from a CDP recording, <c>[{direction, event, ackId, args}]</c> live (docs/player-records.md).</summary>
    public const string CdpSent = "$cdp.sent";

    /// <summary>An acknowledgement the browser received for a frame it sent: <c>[{direction, ackId, args}]</c> (docs/player-records.md).</summary>
    public const string CdpAck = "$cdp.ack";

    /// <summary>One imported file: <c>[{file, format, lines, skipped, records, sha256}]</c>.</summary>
    public const string Import = "$import";

    /// <summary>The start of every session lifecycle name.</summary>
    public const string SessionPrefix = "$session.";

    /// <summary>The start of every connection lifecycle name.</summary>
    public const string ConnectionPrefix = "$connection.";

    /// <summary>True for a system record's name, false for a feed event's.</summary>
    public static bool IsSystem(string eventName) => eventName.StartsWith(Prefix);

    /// <summary>True for a session or connection lifecycle record.</summary>
    public static bool IsLifecycle(string eventName) =>
        eventName.StartsWith(SessionPrefix, StringComparison.Ordinal) || eventName.StartsWith(ConnectionPrefix, StringComparison.Ordinal);
}
