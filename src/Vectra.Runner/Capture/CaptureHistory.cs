using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Runner.Capture;

/// <summary>
/// Capture sessions (direct and through the browser), connections and blind time, worked out from the journal's system records alone.
/// Blind time is time with no open connection while a session ran: from a session's start to its
/// first open, from a close to the next open, and, for a session that ended without
/// <c>$session.stop</c> (killed), from its last record to the next session's first open.
/// </summary>
/// <param name="Sessions">Capture sessions (<c>$session.start</c> records).</param>
/// <param name="CleanStops">Sessions that journaled <c>$session.stop {"clean":true}</c>.</param>
/// <param name="Connections">Connections opened (<c>$connection.open</c> records).</param>
/// <param name="Retries">Connection attempts scheduled (<c>$connection.retry</c> records).</param>
/// <param name="LostFrames">Frames lost to a full queue (sum of <c>$capture.overflow</c>).</param>
/// <param name="BlindMicros">Total blind time in microseconds.</param>
internal sealed record CaptureHistory(int Sessions, int CleanStops, int Connections, int Retries, long LostFrames, long BlindMicros)
{
    /// <summary>
    /// Folds <paramref name="systemRecords"/> (in seq order); <paramref name="lastTsOfSession"/> gives
    /// each session's last record time (any record, frames included), which bounds a killed session.
    /// </summary>
    public static CaptureHistory From(IEnumerable<JournalRecord> systemRecords, Func<Guid, long?> lastTsOfSession)
    {
        ArgumentNullException.ThrowIfNull(systemRecords);
        ArgumentNullException.ThrowIfNull(lastTsOfSession);
        int sessions = 0, cleanStops = 0, connections = 0, retries = 0;
        long lost = 0, blind = 0;
        Guid? running = null;
        var connectionOpen = false;
        long? blindSince = null;

        void EndBlind(long at)
        {
            if (blindSince is { } since)
            {
                blind += Math.Max(0, at - since);
                blindSince = null;
            }
        }

        foreach (var record in systemRecords)
        {
            if (record.Source is not (SystemRecords.Source or SystemRecords.CdpSource))
            {
                continue;
            }
            switch (record.Event)
            {
                case SystemEvents.SessionStart:
                    if (running is { } killed && connectionOpen)
                    {
                        // Killed while connected: blind from its last record on.
                        blindSince = lastTsOfSession(killed) ?? record.Ts;
                    }
                    sessions++;
                    running = record.Session;
                    connectionOpen = false;
                    blindSince ??= record.Ts;
                    break;
                case SystemEvents.ConnectionOpen when record.Session == running:
                    connections++;
                    connectionOpen = true;
                    EndBlind(record.Ts);
                    break;
                case SystemEvents.ConnectionClose when record.Session == running:
                    connectionOpen = false;
                    blindSince ??= record.Ts;
                    break;
                case SystemEvents.ConnectionRetry when record.Session == running:
                    retries++;
                    break;
                case SystemEvents.CaptureOverflow:
                    lost += FirstArgNumber(record, "lost");
                    break;
                case SystemEvents.SessionStop when record.Session == running:
                    EndBlind(record.Ts);
                    cleanStops += FirstArgBool(record, "clean") ? 1 : 0;
                    running = null;
                    connectionOpen = false;
                    break;
            }
        }
        if (running is { } last && blindSince is not null)
        {
            // Still running (or killed) while blind: count what the journal can vouch for.
            EndBlind(Math.Max(blindSince.Value, lastTsOfSession(last) ?? blindSince.Value));
        }
        return new CaptureHistory(sessions, cleanStops, connections, retries, lost, blind);
    }

    private static long FirstArgNumber(JournalRecord record, string name) =>
        FirstArg(record, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : 0;

    private static bool FirstArgBool(JournalRecord record, string name) =>
        FirstArg(record, name) is { ValueKind: JsonValueKind.True };

    private static JsonElement? FirstArg(JournalRecord record, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(record.Args);
            return document.RootElement is { ValueKind: JsonValueKind.Array } args && args.GetArrayLength() > 0
                && args[0].ValueKind == JsonValueKind.Object && args[0].TryGetProperty(name, out var value)
                ? value.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
