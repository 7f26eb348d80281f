using Vectra.Projections.Rugs;

namespace Vectra.Runner.Serve.Data;

/// <summary>
/// A filter of the games list as SQL over a <c>complete_games</c> row (alias <c>c</c>) and over a game seen only live
/// (alias <c>g</c>, which has no verdict and the completeness of its observed ticks).
/// </summary>
/// <remarks>
/// <see cref="CompleteInOrder"/> is the same condition with its columns behind unary <c>+</c>, which keeps SQLite from
/// looking rows up through a filter's own index: the page queries walk the sort's index, which carries both filter
/// columns, instead of reading each matching row (and its price path) to sort them.
/// </remarks>
internal sealed record GameListFilter(string Complete, string CompleteInOrder, string Live)
{
    /// <summary>The filters by query key.</summary>
    public static readonly IReadOnlyDictionary<string, GameListFilter> ByKey = new Dictionary<string, GameListFilter>(StringComparer.Ordinal)
    {
        ["all"] = Of((_, _) => "1 = 1"),
        ["unfair"] = Of((fairness, _) => $"{fairness} IN ('hash_mismatch', 'price_mismatch')"),
        ["unverified"] = Of((fairness, _) => $"({fairness} IS NULL OR {fairness} <> 'verified')"),
        ["incomplete"] = Of((_, completeness) => $"({completeness} IS NULL OR {completeness} < 1)"),
    };

    private static GameListFilter Of(Func<string, string, string> condition) => new(
        condition("c.fairness", "c.completeness"),
        condition("+c.fairness", "+c.completeness"),
        condition("NULL", GameListIndexes.LiveCompleteness("g.")));
}
