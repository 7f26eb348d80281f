using System.Globalization;
using System.Text.Json;
using Vectra.Projections.Rugs.Fairness;

namespace Vectra.Projections.Rugs.History;

/// <summary>
/// A completed game from a <c>gameHistory</c> window, checked for fairness. <see cref="PricesJson"/> is the
/// history's own array text when it has one, else the path regenerated from the revealed seed.
/// </summary>
internal sealed record CompleteGameRow(
    string GameId, long? EndedAt, string? GameVersion, double? PeakMultiplier, int? RugTick,
    string? PricesJson, string PricesSource, string? ServerSeed, string? ServerSeedHash,
    string Fairness, string FairnessReason, int SidebetCount, IReadOnlyList<SidebetRow> Sidebets)
{
    private static readonly long LastMillis = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>How much an entry tells: a seed counts more than prices. A richer copy replaces a poorer one.</summary>
    public int Richness => (ServerSeed is null ? 0 : 2) + (PricesSource == "history" ? 1 : 0);

    /// <summary>The row for one history entry, or null when the entry has no id.</summary>
    /// <remarks>
    /// An entry with <c>"prices": []</c> publishes no prices, like one without the member: its prices (and so its rug
    /// tick and its sidebets' outcomes) come from the revealed seed when there is one, and are unknown (NULL) otherwise.
    /// </remarks>
    public static CompleteGameRow? From(JsonElement entry)
    {
        var game = CompletedGameJson.Read(entry);
        if (game is null)
        {
            return null;
        }
        var fairness = FairnessCheck.Check(game);
        string? prices;
        string source;
        int? rugTick;
        if (game.Prices is { Count: > 0 } published)
        {
            prices = entry.GetProperty("prices").GetRawText();
            source = "history";
            rugTick = published.Count - 1;
        }
        else if (fairness.Outcome is { } regenerated)
        {
            prices = "[" + string.Join(',', regenerated.Prices.Select(p => p.ToString("R", CultureInfo.InvariantCulture))) + "]";
            source = "regenerated";
            rugTick = regenerated.RugTick;
        }
        else
        {
            (prices, source, rugTick) = (null, "none", null);
        }
        var sidebets = entry.TryGetProperty("globalSidebets", out var bets) ? bets : default;
        return new CompleteGameRow(
            game.Id,
            EndedAtOf(entry),
            game.Version,
            game.PeakMultiplier,
            rugTick,
            prices,
            source,
            game.ServerSeed,
            game.ServerSeedHash,
            fairness.Verdict.ToText(),
            fairness.Reason,
            sidebets.ValueKind == JsonValueKind.Array ? sidebets.GetArrayLength() : 0,
            SidebetRow.Distinct(sidebets, rugTick));
    }

    /// <summary>The entry's <c>timestamp</c> (ms) in µs, or null when it is missing or no calendar time (before 1970 or after 9999).</summary>
    private static long? EndedAtOf(JsonElement entry) =>
        entry.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var millis) && millis >= 0 && millis <= LastMillis ? millis * 1000 : null;
}
