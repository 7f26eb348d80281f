using Vectra.Projections.Exports.Files;
using Vectra.Projections.Parquet;
using Vectra.Projections.Rugs;

namespace Vectra.Projections.Exports.Types;

/// <summary><c>doc_type=game_tick</c>: the <c>ticks</c> table, one row per (game, tick), partitioned by the UTC day of the tick's <c>meta_ts</c>.</summary>
public sealed class GameTickExport(RugsProjection rugs, ExportOptions options)
    : PlayedGameExport(rugs, "game_tick", Columns, options)
{
    /// <summary>The file schema.</summary>
    public static ParquetSchema Columns { get; } = new(
        ParquetColumn.String("game_id"),
        ParquetColumn.Int32("tick"),
        ParquetColumn.Double("price"),
        ParquetColumn.Boolean("backfilled"),
        ParquetColumn.Int64("meta_seq"),
        ParquetColumn.Timestamp("meta_ts"));

    private protected override string RowsSql { get; } = $"""
        SELECT coalesce($seq, meta_seq), {ExportDay.SqlMetaTs} AS day, game_id, tick, price, backfilled, meta_seq, meta_ts
        FROM ticks WHERE game_id = $g ORDER BY day, tick
        """;
}
