namespace Vectra.Projections.Rugs;

/// <summary>
/// Indexes that let a reader list <c>games</c> and <c>complete_games</c> in every order the dashboard offers, a page at a
/// time, from the indexes alone: a <c>complete_games</c> row carries its whole price path before its verdict, so a scan
/// of the table reads every path.
/// </summary>
/// <remarks>
/// Each <c>complete_games</c> index leads with one sort value and the id (the tie-break), and carries the two columns the
/// list filters on (fairness, completeness). The <c>games</c> indexes lead with the value a game seen only live is listed
/// by (<see cref="LiveTime"/> and <see cref="LiveCompleteness"/> are two of them: a query that spells them the same way,
/// with its own table prefix, uses the index) and carry the two columns its completeness comes from. Created with
/// <c>IF NOT EXISTS</c> on every start, so an existing views.db gains them without a rebuild; the projection's version
/// is unchanged because no row changes.
/// </remarks>
public static class GameListIndexes
{
    internal static readonly string Create = $"""
        CREATE INDEX IF NOT EXISTS complete_games_by_time ON complete_games (ended_at, game_id, fairness, completeness);
        CREATE INDEX IF NOT EXISTS complete_games_by_rug ON complete_games (rug_tick, game_id, fairness, completeness);
        CREATE INDEX IF NOT EXISTS complete_games_by_peak ON complete_games (peak_multiplier, game_id, fairness, completeness);
        CREATE INDEX IF NOT EXISTS complete_games_by_completeness ON complete_games (completeness, game_id, fairness);
        CREATE INDEX IF NOT EXISTS complete_games_by_fairness ON complete_games (fairness, game_id, completeness);
        CREATE INDEX IF NOT EXISTS games_by_time ON games ({LiveTime("")}, game_id, rug_tick, ticks_observed);
        CREATE INDEX IF NOT EXISTS games_by_rug ON games (rug_tick, game_id, ticks_observed);
        CREATE INDEX IF NOT EXISTS games_by_peak ON games (peak_observed, game_id, rug_tick, ticks_observed);
        CREATE INDEX IF NOT EXISTS games_by_completeness ON games (({LiveCompleteness("")}), game_id, rug_tick, ticks_observed);
        """;

    /// <summary>When a game seen live happened: its rug, else its start, else its cooldown (µs); <paramref name="prefix"/> is the table alias with its dot, or empty.</summary>
    public static string LiveTime(string prefix) => $"coalesce({prefix}rugged_at, {prefix}started_at, {prefix}cooldown_at)";

    /// <summary>The share of a game's ticks seen live (null until its rug tick is known); <paramref name="prefix"/> as in <see cref="LiveTime"/>.</summary>
    public static string LiveCompleteness(string prefix) =>
        $"CASE WHEN {prefix}rug_tick IS NULL THEN NULL ELSE {prefix}ticks_observed * 1.0 / ({prefix}rug_tick + 1) END";
}
