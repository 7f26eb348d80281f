using System.Text.Json;

namespace Vectra.Projections.Rugs.Trades;

/// <summary>One <c>standard/newTrade</c> payload, as stored in <c>trades</c>.</summary>
internal sealed record TradeRow(
    string Id, string? GameId, string? PlayerId, string? Username, string? Type,
    double? Amount, double? Price, double? Qty, int? Tick, int? Leverage)
{
    /// <summary>Sells at or after the rug tick are the server's forced sells (rugs-feed.md §9.15).</summary>
    public static bool IsForced(string? type, int? tick, int? rugTick) => type == "sell" && tick >= rugTick;

    /// <summary>The trade in a payload; throws when the payload has no trade id (the record is then quarantined).</summary>
    public static TradeRow From(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException("standard/newTrade payload has no string id");
        }
        return new TradeRow(
            id.GetString()!,
            Text(payload, "gameId"), Text(payload, "playerId"), Text(payload, "username"), Text(payload, "type"),
            Number(payload, "amount"), Number(payload, "price"), Number(payload, "qty"),
            (int?)Number(payload, "tickIndex"), (int?)Number(payload, "leverage"));
    }

    private static string? Text(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
