using Vectra.Projections.Rugs.Trades;

namespace Vectra.Projections.Rugs;

/// <summary>
/// What the rugs projection did with one record, handed by the runner to the export projections that run after it on
/// the same record in the same transaction (they must not parse the payload again). <c>default</c>: it did nothing.
/// </summary>
internal readonly struct RugsRecordEffects(string? gameStateGameId, TradeRow? trade, IReadOnlyList<string>? savedCompleteGames)
{
    /// <summary>The <c>gameId</c> of a <c>gameStateUpdate</c> that scanned, else null.</summary>
    public string? GameStateGameId { get; } = gameStateGameId;

    /// <summary>The trade a <c>standard/newTrade</c> record stored, else null.</summary>
    public TradeRow? Trade { get; } = trade;

    /// <summary>Completed games saved (new, or replaced by a richer copy) from the record's <c>gameHistory</c>.</summary>
    public IReadOnlyList<string> SavedCompleteGames => savedCompleteGames ?? [];
}
