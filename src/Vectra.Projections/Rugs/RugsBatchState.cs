using Vectra.Projections.Rugs.Games;
using Vectra.Projections.Rugs.History;
using Vectra.Projections.Rugs.Trades;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Rugs;

/// <summary>
/// What the rugs projection holds in memory between flushes: the game rows it changes (written at <see cref="Flush"/>),
/// each game's tick ledger, the games whose live comparison with their completed copy is due, and each completed
/// game's stored richness. All of it is loaded from views.db on demand, so it can be forgotten at any time.
/// </summary>
internal sealed class RugsBatchState
{
    private const int CachedGames = 64;

    private readonly Dictionary<string, GameRow> _games = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TickLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _liveTouched = new(StringComparer.Ordinal);
    private readonly HashSet<string> _completeTouched = new(StringComparer.Ordinal);
    private Dictionary<string, int>? _completeRichness;

    /// <summary>Tick upserts not written to <c>ticks</c> yet.</summary>
    public PendingTicks Ticks { get; } = new();

    /// <summary>Trade inserts not written to <c>trades</c> yet.</summary>
    public PendingTrades Trades { get; } = new();

    /// <summary>The game's row as this projection knows it now (ahead of the games table until Flush); null when unknown and not <paramref name="create"/>.</summary>
    public GameRow? Game(ViewsTransaction views, string gameId, bool create)
    {
        if (_games.TryGetValue(gameId, out var game))
        {
            return game;
        }
        game = GamesTables.LoadGame(views, gameId);
        if (game is null && !create)
        {
            return null;
        }
        game ??= new GameRow(gameId);
        _games[gameId] = game;
        return game;
    }

    /// <summary>Which ticks of the game are stored, live or backfilled.</summary>
    public TickLedger Ledger(ViewsTransaction views, string gameId)
    {
        if (!_ledgers.TryGetValue(gameId, out var ledger))
        {
            ledger = new TickLedger();
            GamesTables.LoadTicks(views, gameId, ledger);
            _ledgers[gameId] = ledger;
        }
        return ledger;
    }

    /// <summary>The richness of every stored completed game, by id.</summary>
    public Dictionary<string, int> CompleteRichness(ViewsTransaction views) => _completeRichness ??= CompleteGamesTables.LoadRichness(views);

    /// <summary>A live tick of the game was stored: its completed copy, if any, is compared again at Flush.</summary>
    public void LiveTouched(string gameId) => _liveTouched.Add(gameId);

    /// <summary>A completed game was saved: it is compared with the live ticks at Flush.</summary>
    public void CompleteTouched(string gameId) => _completeTouched.Add(gameId);

    /// <summary>Writes the pending ticks and trades: before anything reads those tables.</summary>
    public void WriteOut(ViewsTransaction views)
    {
        Ticks.WriteOut(views);
        Trades.WriteOut(views);
    }

    /// <summary>Writes the pending rows, the changed game rows (and the forced sells a newly learned rug tick settles) and the due live comparisons.</summary>
    public void Flush(ViewsTransaction views)
    {
        WriteOut(views);
        foreach (var game in _games.Values.Where(g => g.Dirty))
        {
            GamesTables.SaveGame(views, game);
            if (game.RugTickLearned && game.RugTick is { } rug)
            {
                TradesTable.MarkForced(views, game.GameId, rug);
            }
            game.Dirty = game.RugTickLearned = false;
        }
        var richness = CompleteRichness(views);
        foreach (var gameId in _completeTouched.Union(_liveTouched.Where(richness.ContainsKey)))
        {
            CompleteGamesTables.UpdateLiveComparison(views, gameId);
        }
        _completeTouched.Clear();
        _liveTouched.Clear();
        if (_games.Count > CachedGames)
        {
            _games.Clear();
            _ledgers.Clear();
        }
    }

    /// <summary>Drops everything: after a rollback the tables are the only truth.</summary>
    public void Forget()
    {
        _games.Clear();
        _ledgers.Clear();
        Ticks.Clear();
        Trades.Clear();
        _liveTouched.Clear();
        _completeTouched.Clear();
        _completeRichness = null;
    }
}
