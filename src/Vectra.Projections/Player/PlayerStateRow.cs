using System.Text.Json;

namespace Vectra.Projections.Player;

/// <summary>The account fields of one <c>playerUpdate</c>; a field missing or not a finite number is null.</summary>
internal sealed record PlayerStateRow(
    string PlayerId,
    double? Cash,
    double? PositionQty,
    double? AvgCost,
    double? CumulativePnl,
    double? TotalInvested,
    double? SidebetPnl,
    double? BonusBalance,
    double? PnlPercent)
{
    /// <summary>Reads a <c>playerUpdate</c> payload; one without a string <c>id</c> throws (the record is quarantined).</summary>
    public static PlayerStateRow Read(JsonElement payload) => new(
        PlayerPayload.Text(payload, "id") ?? throw new InvalidDataException("playerUpdate: no player id (a string \"id\")."),
        PlayerPayload.Number(payload, "cash"),
        PlayerPayload.Number(payload, "positionQty"),
        PlayerPayload.Number(payload, "avgCost"),
        PlayerPayload.Number(payload, "cumulativePnL"),
        PlayerPayload.Number(payload, "totalInvested"),
        PlayerPayload.Number(payload, "sidebetPnl"),
        PlayerPayload.Number(payload, "bonusBalance"),
        PlayerPayload.Number(payload, "pnlPercent"));
}
