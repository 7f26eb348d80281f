using Vectra.Journal.Records;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Player;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Player;

/// <summary>
/// <c>doc_type=server_state</c>: one row per <c>playerUpdate</c> (the account the server reports to an authenticated
/// player: cash, position, average cost, PnL, totals), from the record alone, partitioned by the UTC day of its
/// <c>meta_ts</c>. A payload without a player id is quarantined, as in <see cref="PlayerStateProjection"/>.
/// </summary>
public sealed class ServerStateExport(ExportOptions options) : ExportProjection("server_state", Columns, options), IRecordProjection
{
    private const string Row = """
        SELECT $seq, $ts / 86400000000, $s, $p, $cash, $qty, $avg, $pnl, $inv, $side, $bonus, $pct, $seq, $ts
        """;

    /// <summary>The file schema.</summary>
    public static ExportSchema Columns { get; } = new(
        ExportColumn.RepeatedString("session"),
        ExportColumn.RepeatedString("player_id"),
        ExportColumn.Double("cash", nullable: true),
        ExportColumn.Double("position_qty", nullable: true),
        ExportColumn.Double("avg_cost", nullable: true),
        ExportColumn.Double("cumulative_pnl", nullable: true),
        ExportColumn.Double("total_invested", nullable: true),
        ExportColumn.Double("sidebet_pnl", nullable: true),
        ExportColumn.Double("bonus_balance", nullable: true),
        ExportColumn.Double("pnl_percent", nullable: true),
        ExportColumn.Int64("meta_seq"),
        ExportColumn.Timestamp("meta_ts"));

    /// <inheritdoc/>
    public void Apply(JournalRecord record, ViewsTransaction views)
    {
        if (record.Event != PlayerStateProjection.PlayerUpdate)
        {
            return;
        }
        using var payload = PlayerPayload.RequiredObject(record);
        var state = PlayerStateRow.Read(payload.RootElement);
        Applying(record);
        views.QueryRows(Row, r => Tail.Append(views, r, 2, record.Seq, r.Int64At(1)),
            ("$seq", record.Seq), ("$ts", record.Ts), ("$s", record.Session.ToString()), ("$p", state.PlayerId), ("$cash", state.Cash),
            ("$qty", state.PositionQty), ("$avg", state.AvgCost), ("$pnl", state.CumulativePnl), ("$inv", state.TotalInvested),
            ("$side", state.SidebetPnl), ("$bonus", state.BonusBalance), ("$pct", state.PnlPercent));
    }
}
