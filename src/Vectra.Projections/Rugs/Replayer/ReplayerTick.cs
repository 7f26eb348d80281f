using System.Text.Json;
using Vectra.Projections.Rugs.Phases;

namespace Vectra.Projections.Rugs.Replayer;

/// <summary>
/// One <c>replayer/tick</c> record: a line of a REPLAYER per-game tick log (imported verbatim as the
/// record's only argument). These are derived ticks, not raw frames; cooldown lines carry defaulted
/// <c>tick 0, price 1.0</c>, so only active or rugged lines say anything about prices.
/// </summary>
internal sealed record ReplayerTick(string GameId, int Tick, double Price, GamePhase Phase)
{
    /// <summary>The tick on a line, or null when the line lacks a game id, tick or price.</summary>
    public static ReplayerTick? From(JsonElement line)
    {
        if (line.ValueKind != JsonValueKind.Object
            || !line.TryGetProperty("game_id", out var id) || id.ValueKind != JsonValueKind.String
            || !line.TryGetProperty("tick", out var tick) || !tick.TryGetInt32(out var tickNumber)
            || !line.TryGetProperty("price", out var price) || price.ValueKind != JsonValueKind.Number)
        {
            return null;
        }
        var phase = PhaseRule.Of(
            Flag(line, "rugged"),
            Flag(line, "active"),
            line.TryGetProperty("cooldown_timer", out var timer) && timer.TryGetInt32(out var ms) ? ms : null,
            line.TryGetProperty("phase", out var named) && named.ValueKind == JsonValueKind.String && named.GetString() == "PRESALE");
        return new ReplayerTick(id.GetString()!, tickNumber, price.GetDouble(), phase);
    }

    private static bool? Flag(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;
}
