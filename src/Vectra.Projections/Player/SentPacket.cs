using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Projections.Player;

/// <summary>
/// A request the player sent, read from a <c>$cdp.sent</c> record in either shape of docs/player-records.md: live
/// capture and simulator <c>{direction, event, ackId, args:[…]}</c>, import <c>{…, event, data}</c> (no ack id).
/// </summary>
internal sealed record SentPacket(string Action, string? Kind, long? AckId, string Request, double? Amount, double? Percentage)
{
    /// <summary>The request in <paramref name="record"/>, or null when the packet is no order (authenticate, an ack the page sent…).</summary>
    public static SentPacket? Read(JournalRecord record)
    {
        using var payload = PlayerPayload.RequiredObject(record);
        var root = payload.RootElement;
        if (PlayerPayload.Text(root, "event") is not { } action || !IsOrder(action))
        {
            return null;
        }
        JsonElement? argument = PlayerPayload.Member(root, "args") is { ValueKind: JsonValueKind.Array } args
            ? (args.GetArrayLength() > 0 ? args[0] : null)
            : PlayerPayload.Member(root, "data");
        var request = argument is { } a ? a.GetRawText() : "null";
        var first = argument ?? default;
        return new SentPacket(action, KindOf(action), PlayerPayload.Integer(root, "ackId"), request, PlayerPayload.Number(first, "amount"), PlayerPayload.Number(first, "percentage"));
    }

    /// <summary>Orders and sidebet requests; the page's other packets (authenticate, leaderboard queries, chat) are not actions.</summary>
    private static bool IsOrder(string action) =>
        action.EndsWith("Order", StringComparison.Ordinal) || action.Contains("short", StringComparison.OrdinalIgnoreCase)
        || action.Contains("sidebet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>standard/newTrade</c> type that fills the action, null for sidebets.</summary>
    public static string? KindOf(string action) =>
        action.Contains("short", StringComparison.OrdinalIgnoreCase)
            ? action.Contains("close", StringComparison.OrdinalIgnoreCase) ? "short_close" : "short_open"
        : action.StartsWith("buy", StringComparison.OrdinalIgnoreCase) ? "buy"
        : action.StartsWith("sell", StringComparison.OrdinalIgnoreCase) ? "sell"
        : null;
}
