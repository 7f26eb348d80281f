using System.Text.Json;
using Vectra.Projections.Rugs.Payloads;

namespace Vectra.Projections.Rugs.History;

/// <summary>
/// Parses, on the read-ahead thread, the <c>gameHistory</c> entries the applying thread is likely to save: those richer
/// than any copy of the same game parsed before. The windows repeat each game about ten times, so most entries are
/// skipped; parsing (with the fairness check) is the costly part of saving a completed game, and it depends on the
/// entry alone, so the result is the same whichever thread does it.
/// </summary>
/// <remarks>
/// What it remembers is bounded (<see cref="RememberedGames"/>): forgetting only makes it parse an entry again. An entry
/// that fails to parse is left to the applying thread, which fails on it as it did before, so the record is quarantined
/// only when the entry had to be saved.
/// </remarks>
internal sealed class HistoryParser
{
    private const int RememberedGames = 4096;

    private readonly Dictionary<string, int> _parsedRichness = new(StringComparer.Ordinal);

    /// <summary>Fills <see cref="GameStateFields.HistoryRows"/> with the entries of <paramref name="fields"/> that are new here.</summary>
    public void ParseNew(ReadOnlySpan<byte> args, GameStateFields fields)
    {
        var history = fields.History;
        for (var i = 0; i < history.Count; i++)
        {
            var entry = history[i];
            if (_parsedRichness.TryGetValue(entry.Id, out var parsed) && parsed >= entry.Richness)
            {
                continue;
            }
            if (_parsedRichness.Count >= RememberedGames)
            {
                _parsedRichness.Clear();
            }
            _parsedRichness[entry.Id] = entry.Richness;
            if (TryParse(args, entry) is { } row)
            {
                (fields.HistoryRows ??= new CompleteGameRow?[history.Count])[i] = row;
            }
        }
    }

    private static CompleteGameRow? TryParse(ReadOnlySpan<byte> args, HistoryEntry entry)
    {
        try
        {
            // ParseValue copies the entry's bytes: the document must not point into a block buffer lent to the record.
            var reader = new Utf8JsonReader(args[entry.Range]);
            using var parsed = JsonDocument.ParseValue(ref reader);
            return CompleteGameRow.From(parsed.RootElement);
        }
        catch (Exception)
        {
            // Whatever fails here fails again on the applying thread, which alone decides whether the entry mattered.
            return null;
        }
    }
}
