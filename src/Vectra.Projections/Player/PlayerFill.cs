using System.Text.Json;

namespace Vectra.Projections.Player;

/// <summary>A trade of the authenticated player as the public feed's <c>standard/newTrade</c> shows it.</summary>
internal sealed record PlayerFill(string TradeId, string? GameId, string? Type, long? Tick, double? Price, double? Qty, double? Amount)
{
    /// <summary>The trade when <paramref name="payload"/> is one by <paramref name="playerId"/> with a trade id, else null.</summary>
    public static PlayerFill? Read(JsonElement payload, string playerId) =>
        PlayerPayload.Text(payload, "playerId") == playerId && PlayerPayload.Text(payload, "id") is { } id
            ? new PlayerFill(id, PlayerPayload.Text(payload, "gameId"), PlayerPayload.Text(payload, "type"), PlayerPayload.Integer(payload, "tickIndex"),
                PlayerPayload.Number(payload, "price"), PlayerPayload.Number(payload, "qty"), PlayerPayload.Number(payload, "amount"))
            : null;
}
