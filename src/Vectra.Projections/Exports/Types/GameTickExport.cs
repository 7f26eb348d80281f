using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Rugs;

namespace Vectra.Projections.Exports.Types;

/// <summary><c>doc_type=game_tick</c>: the <c>ticks</c> table, one row per (game, tick), partitioned by the UTC day of the tick's <c>meta_ts</c>.</summary>
public sealed class GameTickExport(RugsProjection rugs, ExportOptions options)
    : PlayedGameExport(rugs, "game_tick", Columns, options)
{
    /// <summary>The file schema.</summary>
    public static ExportSchema Columns { get; } = new(
        ExportColumn.RepeatedString("game_id"),
        ExportColumn.Int32("tick"),
        ExportColumn.Double("price"),
        ExportColumn.Boolean("backfilled"),
        ExportColumn.Int64("meta_seq"),
        ExportColumn.Timestamp("meta_ts"));

    private protected override string RowsSql { get; } = $"""
        SELECT coalesce($seq, meta_seq), {ExportDay.SqlMetaTs} AS day, game_id, tick, price, backfilled, meta_seq, meta_ts
        FROM ticks WHERE game_id = $g ORDER BY day, tick
        """;
}
