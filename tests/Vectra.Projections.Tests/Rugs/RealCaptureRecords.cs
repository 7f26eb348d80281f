using System.Globalization;
using System.Text;
using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>
/// The real captures under VECTRA_REALDATA turned into journal records, the way a capture would have
/// journaled them: args = the raw argument(s) text, <c>[trace, payload]</c> kept as two arguments.
/// </summary>
internal static class RealCaptureRecords
{
    public static readonly string[] Files =
    [
        "claude-flow/raw_captures/2025-12-12_17-16-58_raw.jsonl",
        "vectra-player/sandbox/websocket_raw_samples.jsonl",
        "vectra-player/ws_event_examples/gameStateUpdate",
        "vectra-player/rosetta-stone/key-samples.json",
    ];

    /// <summary>Every feed event of the four sources, in file order.</summary>
    public static List<JournalRecord> All()
    {
        var records = new List<JournalRecord>();
        void Add(string? eventName, JsonElement data, string? time)
        {
            if (eventName is null || eventName == "connect" || data.ValueKind == JsonValueKind.Null)
            {
                return;
            }
            var isTraceAndPayload = data.ValueKind == JsonValueKind.Array && data.GetArrayLength() == 2
                && data[0].ValueKind == JsonValueKind.Object && data[0].TryGetProperty("__trace", out _);
            var args = isTraceAndPayload ? data.GetRawText() : "[" + data.GetRawText() + "]";
            var ts = time is null ? 0 : MetaTime.FromDateTimeOffset(DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            records.Add(new JournalRecord(0, ts, Guid.Empty, 1, "import:test", eventName, Encoding.UTF8.GetBytes(args)));
        }

        foreach (var line in File.ReadLines(RealData.PathOf(Files[0])))
        {
            var row = JsonDocument.Parse(line).RootElement;
            Add(row.GetProperty("event").GetString(), row.GetProperty("data"), row.GetProperty("ts").GetString());
        }
        foreach (var line in File.ReadLines(RealData.PathOf(Files[1])))
        {
            var row = JsonDocument.Parse(line).RootElement;
            Add(row.GetProperty("event_type").GetString(), row.GetProperty("data"), row.GetProperty("timestamp").GetString());
        }
        foreach (var file in Directory.EnumerateFiles(RealData.PathOf(Files[2]), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var row = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            Add(row.GetProperty("event").GetString(), row.GetProperty("data"), row.GetProperty("ts").GetString());
        }
        foreach (var sample in JsonDocument.Parse(File.ReadAllText(RealData.PathOf(Files[3]))).RootElement.EnumerateObject())
        {
            var entry = sample.Value;
            var millis = entry.TryGetProperty("timestamp_ms", out var ms) && ms.TryGetInt64(out var value) ? value : 0;
            Add(entry.GetProperty("event_type").GetString(), entry.GetProperty("data"), DateTimeOffset.FromUnixTimeMilliseconds(millis).ToString("O"));
        }
        return records;
    }
}
