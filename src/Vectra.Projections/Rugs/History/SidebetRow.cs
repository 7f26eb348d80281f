using System.Text.Json;

namespace Vectra.Projections.Rugs.History;

/// <summary>
/// One distinct sidebet of a completed game. <c>globalSidebets</c> lists a bet up to twice (a "placed"
/// row with <c>startedAtTick</c>, a "payout" row with <c>startTick</c>, different ids); a bet is one
/// player's window starting at one tick. Its outcome follows the real rule: won iff rug tick ≤ start + 40.
/// </summary>
internal sealed record SidebetRow(string PlayerId, string? Username, double BetAmount, int StartTick, int EndTick, double XPayout, bool? Won, double? Payout, double? Profit)
{
    /// <summary>The sidebet window in ticks (docs/feed.md §8).</summary>
    public const int WindowTicks = 40;

    public static IReadOnlyList<SidebetRow> Distinct(JsonElement globalSidebets, int? rugTick)
    {
        if (globalSidebets.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        var bets = new SortedDictionary<(string Player, int Start), SidebetRow>();
        foreach (var entry in globalSidebets.EnumerateArray())
        {
            var player = Text(entry, "playerId");
            var start = Int(entry, "startedAtTick") ?? Int(entry, "startTick");
            var bet = Number(entry, "betAmount");
            if (player is null || start is null || bet is null || bets.ContainsKey((player, start.Value)))
            {
                continue;
            }
            var xPayout = Number(entry, "xPayout") ?? 5;
            bool? won = rugTick is { } rug ? rug <= start.Value + WindowTicks : null;
            double? payout = won is null ? null : won.Value ? Lamports(xPayout * bet.Value) : 0;
            bets[(player, start.Value)] = new SidebetRow(player, Text(entry, "username"), bet.Value, start.Value, start.Value + WindowTicks, xPayout, won, payout, payout is null ? null : Lamports(payout.Value - bet.Value));
        }
        return [.. bets.Values];
    }

    /// <summary>SOL amounts are whole lamports (10⁻⁹ SOL), as the server pays them.</summary>
    private static double Lamports(double sol) => Math.Round(sol, 9, MidpointRounding.ToEven);

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
