using System.Text.Json;

namespace Vectra.Projections.Rugs.Fairness;

/// <summary>Reads a <c>gameHistory</c> entry (the object in the feed's 10-game window) into a <see cref="CompletedGame"/>.</summary>
public static class CompletedGameJson
{
    /// <summary>The entry's id, seed, hash, prices, peak and version; null when <paramref name="entry"/> has no string <c>id</c>.</summary>
    public static CompletedGame? Read(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        string? seed = null;
        string? hash = null;
        if (entry.TryGetProperty("provablyFair", out var fair) && fair.ValueKind == JsonValueKind.Object)
        {
            seed = StringOrNull(fair, "serverSeed");
            hash = StringOrNull(fair, "serverSeedHash");
        }
        return new CompletedGame(
            id.GetString()!,
            seed,
            hash,
            ReadPrices(entry),
            entry.TryGetProperty("peakMultiplier", out var peak) && peak.ValueKind == JsonValueKind.Number ? peak.GetDouble() : null,
            StringOrNull(entry, "gameVersion"));
    }

    /// <summary>The published prices; null when absent, not an array, or empty (<c>[]</c> publishes nothing).</summary>
    private static double[]? ReadPrices(JsonElement entry)
    {
        if (!entry.TryGetProperty("prices", out var prices) || prices.ValueKind != JsonValueKind.Array || prices.GetArrayLength() == 0)
        {
            return null;
        }
        var values = new double[prices.GetArrayLength()];
        var index = 0;
        foreach (var price in prices.EnumerateArray())
        {
            values[index++] = price.GetDouble();
        }
        return values;
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
