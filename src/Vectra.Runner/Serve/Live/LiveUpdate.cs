using System.Globalization;
using System.Text.Json;
using Vectra.Projections.Json;
using Vectra.Projections.Rugs.Phases;

namespace Vectra.Runner.Serve.Live;

/// <summary>What one <c>gameStateUpdate</c> says about the live game: its id, phase, the prices it carries, and the rug tick once rugged.</summary>
internal sealed record LiveUpdate(string GameId, GamePhase Phase, IReadOnlyList<(int Tick, double Price)> Prices, int? RugTick)
{
    /// <summary>Reads a record's payload (its last argument); null for other events or payloads without a game id.</summary>
    public static LiveUpdate? From(string eventName, ReadOnlyMemory<byte> args)
    {
        if (eventName != "gameStateUpdate")
        {
            return null;
        }
        try
        {
            var last = LastArgument.Of(args.Span);
            if (!last.IsObject)
            {
                return null;
            }
            using var document = JsonDocument.Parse(args[last.Range]);
            var payload = document.RootElement;
            if (!payload.TryGetProperty("gameId", out var id) || id.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            var rugged = Bool(payload, "rugged");
            var active = Bool(payload, "active");
            var phase = PhaseRule.Of(rugged, active, Int(payload, "cooldownTimer"), Bool(payload, "allowPreRoundBuys"));
            var prices = new List<(int, double)>();
            int? rugTick = null;
            if (phase is GamePhase.Active or GamePhase.Rugged)
            {
                if (payload.TryGetProperty("partialPrices", out var partial) && partial.ValueKind == JsonValueKind.Object
                    && partial.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object)
                {
                    foreach (var value in values.EnumerateObject())
                    {
                        if (int.TryParse(value.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var tick) && value.Value.TryGetDouble(out var price))
                        {
                            prices.Add((tick, price));
                        }
                    }
                    rugTick = phase == GamePhase.Rugged ? Int(partial, "endTick") : null;
                }
                else if (phase == GamePhase.Active && Int(payload, "tickCount") is { } tick && payload.TryGetProperty("price", out var price) && price.TryGetDouble(out var p))
                {
                    prices.Add((tick, p));
                }
                if (phase == GamePhase.Rugged)
                {
                    rugTick ??= Int(payload, "tickCount");
                }
            }
            return new LiveUpdate(id.GetString()!, phase, prices, rugTick);
        }
        catch (Exception malformed) when (malformed is JsonException or InvalidDataException)
        {
            return null; // a malformed frame is the projections' to quarantine; the chart just skips it
        }
    }

    private static bool? Bool(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;

    private static int? Int(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
