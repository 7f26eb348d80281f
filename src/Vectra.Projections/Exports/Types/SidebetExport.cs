using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Rugs;

namespace Vectra.Projections.Exports.Types;

/// <summary>
/// <c>doc_type=sidebet</c>: the <c>sidebets</c> table, one row per distinct bet (player, start tick) of a completed
/// game, partitioned like the game's <c>complete_game</c> row. <c>won</c> is true iff rug tick ≤ start tick + 40.
/// </summary>
public sealed class SidebetExport(RugsProjection rugs, ExportOptions options)
    : CompletedGameExport(rugs, "sidebet", Columns, options)
{
    /// <inheritdoc/>
    /// <remarks>2: a game whose history entry has <c>"prices": []</c> is no longer given rug tick −1 (every sidebet won). 3: the tail is kept in memory (<see cref="ExportProjection.Version"/> 2).</remarks>
    public override int Version => 3;

    /// <summary>The file schema.</summary>
    public static ExportSchema Columns { get; } = new(
        ExportColumn.RepeatedString("game_id"),
        ExportColumn.RepeatedString("player_id"),
        ExportColumn.RepeatedString("username", nullable: true),
        ExportColumn.Double("bet_amount"),
        ExportColumn.Int32("start_tick"),
        ExportColumn.Int32("end_tick"),
        ExportColumn.Double("x_payout"),
        ExportColumn.Boolean("won", nullable: true),
        ExportColumn.Double("payout", nullable: true),
        ExportColumn.Double("profit", nullable: true));

    private protected override string RowsSql { get; } = $"""
        SELECT coalesce($seq, c.first_seq), {ExportDay.Sql("coalesce(c.ended_at, c.meta_ts)")}, s.game_id, s.player_id, s.username, s.bet_amount,
            s.start_tick, s.end_tick, s.x_payout, s.won, s.payout, s.profit
        FROM sidebets s JOIN complete_games c ON c.game_id = s.game_id WHERE s.game_id = $g ORDER BY s.player_id, s.start_tick
        """;
}
