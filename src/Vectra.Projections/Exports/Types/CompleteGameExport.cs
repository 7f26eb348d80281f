using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Rugs;
using Vectra.Projections.Rugs.History;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Types;

/// <summary>
/// <c>doc_type=complete_game</c>: the <c>complete_games</c> table (without its internal <c>richness</c>), with
/// <c>prices</c> as LIST&lt;DOUBLE&gt; (NULL when neither published nor regenerable), partitioned by the UTC day the game
/// ended (<c>ended_at</c>, else <c>meta_ts</c>).
/// </summary>
public sealed class CompleteGameExport(RugsProjection rugs, ExportOptions options)
    : CompletedGameExport(rugs, "complete_game", Columns, options)
{
    /// <inheritdoc/>
    /// <remarks>2: a game whose history entry has <c>"prices": []</c> is no longer given rug tick −1 (every sidebet won). 3: the tail is kept in memory (<see cref="ExportProjection.Version"/> 2).</remarks>
    public override int Version => 3;

    /// <summary>The file schema.</summary>
    public static ExportSchema Columns { get; } = new(
        ExportColumn.String("game_id"),
        ExportColumn.Timestamp("ended_at", nullable: true),
        ExportColumn.RepeatedString("game_version", nullable: true),
        ExportColumn.Double("peak_multiplier", nullable: true),
        ExportColumn.Int32("rug_tick", nullable: true),
        ExportColumn.DoubleList("prices", nullable: true),
        ExportColumn.RepeatedString("prices_source"),
        ExportColumn.String("server_seed", nullable: true),
        ExportColumn.String("server_seed_hash", nullable: true),
        ExportColumn.RepeatedString("fairness"),
        ExportColumn.RepeatedString("fairness_reason"),
        ExportColumn.Int32("sidebet_count"),
        ExportColumn.Int64("ticks_observed"),
        ExportColumn.Double("completeness"),
        ExportColumn.Int64("live_mismatches"),
        ExportColumn.Int64("first_seq"),
        ExportColumn.Timestamp("meta_ts"));

    private protected override string RowsSql { get; } = $"""
        SELECT coalesce($seq, first_seq), {ExportDay.Sql("coalesce(ended_at, meta_ts)")}, game_id, ended_at, game_version, peak_multiplier, rug_tick,
            prices, prices_source, server_seed, server_seed_hash, fairness, fairness_reason, sidebet_count,
            coalesce($observed, ticks_observed), coalesce($completeness, completeness), coalesce($mismatches, live_mismatches), first_seq, meta_ts
        FROM complete_games WHERE game_id = $g
        """;

    /// <summary>At settlement the live comparison is computed from the ticks as they are now: the rugs projection only writes it at its next Flush.</summary>
    private protected override (string Name, object? Value)[] Parameters(ViewsTransaction views, string gameId, long? seq)
    {
        var live = seq is null ? null : CompleteGamesTables.LiveComparison(views, gameId);
        return [("$g", gameId), ("$seq", seq), ("$observed", live?.Observed), ("$completeness", live?.Completeness), ("$mismatches", live?.Mismatches)];
    }
}
