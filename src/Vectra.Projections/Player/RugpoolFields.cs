using System.Text.Json;

namespace Vectra.Projections.Player;

/// <summary>The scalar fields of a <c>gameStatePlayerUpdate</c>'s <c>rugpool</c> object; each null when missing or of the wrong type.</summary>
internal sealed record RugpoolFields(
    long? InstarugCount,
    double? Amount,
    long? TotalEntries,
    long? Threshold,
    long? PlayersWithEntries,
    double? SolPerEntry,
    long? MaxEntriesPerPlayer)
{
    public static RugpoolFields Read(JsonElement pool) => new(
        PlayerPayload.Integer(pool, "instarugCount"),
        PlayerPayload.Number(pool, "rugpoolAmount"),
        PlayerPayload.Integer(pool, "totalEntries"),
        PlayerPayload.Integer(pool, "threshold"),
        PlayerPayload.Integer(pool, "playersWithEntries"),
        PlayerPayload.Number(pool, "solPerEntry"),
        PlayerPayload.Integer(pool, "maxEntriesPerPlayer"));
}
