using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>Facts read straight from a recording with JsonDocument, independently of the projection's scanner.</summary>
internal static class RecordingFacts
{
    public static JsonElement Payload(JournalRecord record)
    {
        var args = JsonDocument.Parse(record.Args).RootElement;
        return args[args.GetArrayLength() - 1];
    }

    /// <summary>Every game id in any gameHistory window of the recording.</summary>
    public static HashSet<string> HistoryIds(IEnumerable<JournalRecord> records) =>
        records.Where(r => r.Event == "gameStateUpdate")
            .Select(Payload)
            .Where(p => p.TryGetProperty("gameHistory", out _))
            .SelectMany(p => p.GetProperty("gameHistory").EnumerateArray().Select(e => e.GetProperty("id").GetString()!))
            .ToHashSet();

    /// <summary>Every trade id broadcast in the recording.</summary>
    public static HashSet<string> TradeIds(IEnumerable<JournalRecord> records) =>
        records.Where(r => r.Event == "standard/newTrade").Select(r => Payload(r).GetProperty("id").GetString()!).ToHashSet();
}
