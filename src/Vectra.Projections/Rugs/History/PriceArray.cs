using System.Text.Json;

namespace Vectra.Projections.Rugs.History;

/// <summary>
/// A stored <c>prices</c> array read straight from SQLite's UTF-8 text: the live comparison reads one per completed
/// game two or three times, and going through a UTF-16 string and the serializer cost more than the comparison.
/// </summary>
internal static class PriceArray
{
    /// <summary>The numbers of <paramref name="utf8"/> (a JSON array, or <c>null</c>: none); throws as the serializer would on anything else.</summary>
    public static double[] Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("prices is not an array");
        }
        var prices = new List<double>(256);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            prices.Add(reader.GetDouble());
        }
        return [.. prices];
    }
}
