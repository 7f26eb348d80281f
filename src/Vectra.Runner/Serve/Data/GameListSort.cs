using Vectra.Projections.Rugs;

namespace Vectra.Runner.Serve.Data;

/// <summary>
/// A value the games list shows and sorts by, as SQL over a <c>complete_games</c> row (alias <c>c</c>) and over a
/// <c>games</c> row (alias <c>g</c>). A complete game without its own value shows its live value when
/// <see cref="FallsBack"/>; the expressions match the rugs projection's <see cref="GameListIndexes"/>.
/// </summary>
internal sealed record GameListSort(string Complete, string Live, bool FallsBack)
{
    /// <summary>The sorts by query key, in the order the list's columns show them.</summary>
    public static readonly IReadOnlyDictionary<string, GameListSort> ByKey = new Dictionary<string, GameListSort>(StringComparer.Ordinal)
    {
        ["time"] = new("c.ended_at", GameListIndexes.LiveTime("g."), FallsBack: true),
        ["rug"] = new("c.rug_tick", "g.rug_tick", FallsBack: true),
        ["peak"] = new("c.peak_multiplier", "g.peak_observed", FallsBack: true),
        ["completeness"] = new("c.completeness", GameListIndexes.LiveCompleteness("g."), FallsBack: false),
        ["fairness"] = new("c.fairness", "NULL", FallsBack: false),
    };

    /// <summary>The value a complete game shows (its live row joined as <c>g</c>, which may be missing).</summary>
    public string CompleteShown => FallsBack ? $"coalesce({Complete}, {Live})" : Complete;

    /// <summary>Whether a complete game (its live row joined as <c>g</c>) has no value to sort by.</summary>
    public string CompleteUnsorted => FallsBack ? $"{Complete} IS NULL AND {Live} IS NULL" : $"{Complete} IS NULL";
}
