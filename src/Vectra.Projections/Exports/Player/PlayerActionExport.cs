using Vectra.Journal.Records;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Player;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Player;

/// <summary>
/// <c>doc_type=player_action</c>: the <c>player_actions</c> rows (request, answer, fill, latency) of one authenticated
/// session's game, exported once when the session's feed moves on to the next game or the session's records end (its
/// answers and fills are in by then), partitioned by the UTC day of the request. Runs right after <see cref="PlayerActionsProjection"/>.
/// </summary>
public sealed class PlayerActionExport(PlayerActionsProjection actions, ExportOptions options)
    : ExportProjection("player_action", Columns, options), IDownstreamProjection<PlayerActionEffects>
{
    private const string Select = """
        SELECT $seq, sent_ts / 86400000000, session, conn, player_id, game_id, action, kind, ack_id, request, amount, percentage, tick_requested,
            price_requested, accepted, reason, answer_event, latency_ms, trade_id, tick_filled, price_filled, qty, amount_filled, sent_seq, sent_ts
        FROM player_actions WHERE session = $s AND game_id = $g ORDER BY sent_seq, conn, action_key
        """;

    /// <summary>The file schema.</summary>
    public static ExportSchema Columns { get; } = new(
        ExportColumn.RepeatedString("session"),
        ExportColumn.Int32("conn"),
        ExportColumn.RepeatedString("player_id", nullable: true),
        ExportColumn.RepeatedString("game_id"),
        ExportColumn.RepeatedString("action"),
        ExportColumn.RepeatedString("kind", nullable: true),
        ExportColumn.Int64("ack_id", nullable: true),
        ExportColumn.String("request"),
        ExportColumn.Double("amount", nullable: true),
        ExportColumn.Double("percentage", nullable: true),
        ExportColumn.Int32("tick_requested", nullable: true),
        ExportColumn.Double("price_requested", nullable: true),
        ExportColumn.Boolean("accepted", nullable: true),
        ExportColumn.RepeatedString("reason", nullable: true),
        ExportColumn.RepeatedString("answer_event", nullable: true),
        ExportColumn.Double("latency_ms", nullable: true),
        ExportColumn.String("trade_id", nullable: true),
        ExportColumn.Int32("tick_filled", nullable: true),
        ExportColumn.Double("price_filled", nullable: true),
        ExportColumn.Double("qty", nullable: true),
        ExportColumn.Double("amount_filled", nullable: true),
        ExportColumn.Int64("meta_seq"),
        ExportColumn.Timestamp("meta_ts"));

    /// <inheritdoc/>
    public IProjection Upstream => actions;

    void IDownstreamProjection<PlayerActionEffects>.Apply(JournalRecord record, PlayerActionEffects upstream, ViewsTransaction views)
    {
        if (upstream.SettledGame is not { } gameId)
        {
            return;
        }
        Applying(record);
        views.QueryRows(Select, r => Tail.Append(views, r, 2, record.Seq, r.Int64At(1)),
            ("$seq", record.Seq), ("$s", upstream.Session.ToString()), ("$g", gameId));
    }
}
