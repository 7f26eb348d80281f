namespace Vectra.Projections.Rugs;

/// <summary>
/// What the rugs projection learned from the record it applied last, for the export projections that run
/// after it on the same record in the same transaction (they must not parse the payload again).
/// </summary>
internal sealed class RugsRecordEffects
{
    private readonly List<string> _savedCompleteGames = [];

    /// <summary>The record these effects belong to; an export checks it matches the record it is applying.</summary>
    public long Seq { get; private set; }

    /// <summary>The <c>gameId</c> of a <c>gameStateUpdate</c> that scanned, else null.</summary>
    public string? GameStateGameId { get; set; }

    /// <summary>The trade a <c>standard/newTrade</c> record stored, else null.</summary>
    public Trades.TradeRow? Trade { get; set; }

    /// <summary>Completed games saved (new, or replaced by a richer copy) from the record's <c>gameHistory</c>.</summary>
    public IReadOnlyList<string> SavedCompleteGames => _savedCompleteGames;

    public void Begin(long seq)
    {
        Seq = seq;
        GameStateGameId = null;
        Trade = null;
        _savedCompleteGames.Clear();
    }

    public void SavedCompleteGame(string gameId) => _savedCompleteGames.Add(gameId);
}
