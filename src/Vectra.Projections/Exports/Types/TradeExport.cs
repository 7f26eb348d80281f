using Vectra.Journal.Records;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Rugs;
using Vectra.Projections.Rugs.Trades;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Types;

/// <summary>
/// <c>doc_type=trade</c>: the <c>trades</c> table, partitioned by the UTC day of the trade's <c>meta_ts</c>. A game's
/// trades are exported when the game settles, with <c>forced</c> from its rug tick; a trade without a game id, or
/// for a game already settled, is exported by the record that brings it.
/// </summary>
public sealed class TradeExport(RugsProjection rugs, ExportOptions options)
    : PlayedGameExport(rugs, "trade", Columns, options)
{
    private static readonly string Select = $"""
        SELECT coalesce($seq, meta_seq), {ExportDay.SqlMetaTs} AS day, id, game_id, player_id, username, type, amount, price, qty, tick, leverage,
            {ForcedSell.Sql("type", "tick", "$rug")}, meta_seq, meta_ts
        FROM trades
        """;

    /// <summary>The file schema.</summary>
    public static ExportSchema Columns { get; } = new(
        ExportColumn.String("id"),
        ExportColumn.RepeatedString("game_id", nullable: true),
        ExportColumn.RepeatedString("player_id", nullable: true),
        ExportColumn.RepeatedString("username", nullable: true),
        ExportColumn.RepeatedString("type", nullable: true),
        ExportColumn.Double("amount", nullable: true),
        ExportColumn.Double("price", nullable: true),
        ExportColumn.Double("qty", nullable: true),
        ExportColumn.Int32("tick", nullable: true),
        ExportColumn.Int32("leverage", nullable: true),
        ExportColumn.Boolean("forced"),
        ExportColumn.Int64("meta_seq"),
        ExportColumn.Timestamp("meta_ts"));

    private protected override string RowsSql => Select + " WHERE game_id = $g ORDER BY day, meta_seq, id";

    private protected override (string Name, object? Value)[] Parameters(ViewsTransaction views, string gameId, long? seq) =>
        [("$g", gameId), ("$seq", seq), ("$rug", Rugs.RugTickOf(views, gameId))];

    private protected override void AddOther(JournalRecord record, ViewsTransaction views, RugsRecordEffects effects)
    {
        if (effects.Trade is not { } trade || (trade.GameId is { } gameId && !IsSettled(views, gameId)))
        {
            return;
        }
        // Only the record that inserted the row adds it (a repeated trade id changes nothing in views.db).
        Rugs.WriteOut(views);
        AppendRows(views, record.Seq, Select + " WHERE id = $id AND meta_seq = $seq",
            ("$id", trade.Id), ("$seq", record.Seq), ("$rug", trade.GameId is null ? null : Rugs.RugTickOf(views, trade.GameId)));
    }
}
