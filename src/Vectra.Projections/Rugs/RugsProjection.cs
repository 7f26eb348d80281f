using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Projections.Json;
using Vectra.Projections.Rugs.Games;
using Vectra.Projections.Rugs.History;
using Vectra.Projections.Rugs.Payloads;
using Vectra.Projections.Rugs.Phases;
using Vectra.Projections.Rugs.Trades;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Rugs;

/// <summary>
/// The rugs.fun game projection: <c>games</c> (with live phase, tick and price), <c>ticks</c> keyed by
/// (game, tick), <c>trades</c> keyed by id, <c>complete_games</c> as the union of every <c>gameHistory</c>
/// window keyed by id, and <c>sidebets</c>. One projection owns them all, so the cross-table facts (a
/// trade is forced once its game's rug tick is known; a completed game is compared with the live ticks)
/// are settled in the same transaction whatever order the frames came in.
/// </summary>
public sealed class RugsProjection : IProjection
{
    private const int CachedGames = 64;

    // What Prepare returns for a gameStateUpdate without an object payload: nothing to apply.
    private static readonly object NoPayload = new();

    // Used by Prepare only, which the read-ahead thread and (replaying a failed batch) the applying thread may both call.
    private readonly GameStateScanner _scanner = new();
    private readonly Lock _scanning = new();
    private readonly TradeScanner _trades = new();
    private readonly Dictionary<string, GameRow> _games = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TickLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _liveTouched = new(StringComparer.Ordinal);
    private readonly HashSet<string> _completeTouched = new(StringComparer.Ordinal);
    private Dictionary<string, int>? _completeRichness;

    /// <summary>What the last applied record did, for the exports that follow this projection.</summary>
    internal RugsRecordEffects Effects { get; } = new();

    /// <inheritdoc/>
    public string Name => "rugs";

    /// <inheritdoc/>
    public int Version => 4;

    /// <inheritdoc/>
    public void Create(ViewsTransaction views)
    {
        views.Execute(GamesTables.Create);
        views.Execute(TradesTable.Create);
        views.Execute(CompleteGamesTables.Create);
        views.Execute(GameListIndexes.Create);
    }

    /// <inheritdoc/>
    public void Drop(ViewsTransaction views)
    {
        views.Execute(GamesTables.Drop);
        views.Execute(TradesTable.Drop);
        views.Execute(CompleteGamesTables.Drop);
        Forget();
    }

    /// <summary>Scans a <c>gameStateUpdate</c> payload (most of the feed's bytes), so that this can happen ahead, on the read-ahead thread.</summary>
    public object? Prepare(JournalRecord record)
    {
        if (record.Event != "gameStateUpdate")
        {
            return null;
        }
        var fields = new GameStateFields();
        lock (_scanning)
        {
            return _scanner.TryScan(record.Args, fields) ? fields : NoPayload;
        }
    }

    /// <inheritdoc/>
    public void Apply(JournalRecord record, ViewsTransaction views) => Apply(record, Prepare(record), views);

    /// <inheritdoc/>
    public void Apply(JournalRecord record, object? prepared, ViewsTransaction views)
    {
        Effects.Begin(record.Seq);
        switch (record.Event)
        {
            case "gameStateUpdate" when prepared is GameStateFields fields:
                ApplyGameState(record, fields, views);
                break;
            case "standard/newTrade":
                ApplyTrade(record, views);
                break;
            case "replayer/tick":
                ApplyReplayerTick(record, views);
                break;
        }
    }

    /// <summary>
    /// A REPLAYER tick log line: active lines are live ticks; the first rugged line's tick is the rug tick
    /// (later rugged lines keep counting, as the feed does after a rug, and are not ticks of the game).
    /// </summary>
    private void ApplyReplayerTick(JournalRecord record, ViewsTransaction views)
    {
        if (ReplayerTickOf(record) is not { } tick)
        {
            return;
        }
        var game = Game(views, tick.GameId, create: true)!;
        game.Saw(record.Seq, record.Ts, tick.Phase);
        if (tick.Phase == GamePhase.Rugged)
        {
            game.Rugged(tick.Tick, tick.Price);
        }
        var isTick = tick.Phase == GamePhase.Active || (tick.Phase == GamePhase.Rugged && game.RugTick == tick.Tick);
        if (isTick && Ledger(views, tick.GameId).TakeLive(tick.Tick))
        {
            if (tick.Tick == 0)
            {
                game.Started(record.Ts);
            }
            GamesTables.UpsertTick(views, tick.GameId, tick.Tick, tick.Price, record.Seq, record.Ts, backfilled: false);
            _liveTouched.Add(tick.GameId);
        }
    }

    /// <summary>The tick a REPLAYER line states; the line is small and rare, so a parsed element is clearer than a scan.</summary>
    private static Replayer.ReplayerTick? ReplayerTickOf(JournalRecord record)
    {
        var payload = LastArgument.Of(record.Args);
        if (!payload.Exists)
        {
            return null;
        }
        using var line = JsonDocument.Parse(record.Args.AsMemory(payload.Range));
        return Replayer.ReplayerTick.From(line.RootElement);
    }

    private void ApplyGameState(JournalRecord record, GameStateFields fields, ViewsTransaction views)
    {
        if (fields.HasHistory)
        {
            ApplyHistory(record, fields, views);
        }
        if (fields.GameId is not { } gameId)
        {
            return;
        }
        Effects.GameStateGameId = gameId;
        var game = Game(views, gameId, create: true)!;
        var phase = fields.Phase;
        game.Saw(record.Seq, record.Ts, phase);
        game.Hash(fields.ServerSeedHash);
        if (phase is not (GamePhase.Active or GamePhase.Rugged))
        {
            return;
        }
        var liveTick = phase == GamePhase.Active ? fields.TickCount : RugTickOf(fields) is { } rug && fields.TickCount == rug ? rug : null;
        if (phase == GamePhase.Rugged && RugTickOf(fields) is { } rugTick)
        {
            game.Rugged(rugTick, PriceAt(fields, rugTick) ?? (fields.TickCount == rugTick ? fields.Price : null));
        }
        if (phase == GamePhase.Active && fields.TickCount == 0)
        {
            game.Started(record.Ts);
        }
        var ledger = Ledger(views, gameId);
        if (liveTick is { } tick && (fields.Price ?? PriceAt(fields, tick)) is { } price && ledger.TakeLive(tick))
        {
            GamesTables.UpsertTick(views, gameId, tick, price, record.Seq, record.Ts, backfilled: false);
            _liveTouched.Add(gameId);
        }
        foreach (var known in fields.PartialPrices)
        {
            if (known.Tick != liveTick && ledger.TakeBackfill(known.Tick))
            {
                GamesTables.UpsertTick(views, gameId, known.Tick, known.Price, record.Seq, record.Ts, backfilled: true);
            }
        }
        if (fields.HasRootPrices)
        {
            BackfillFromSnapshot(record, fields, views, gameId, ledger, liveTick);
        }
    }

    /// <summary>The connect snapshot's root <c>prices</c> holds the game so far: ticks 0..tickCount.</summary>
    private static void BackfillFromSnapshot(JournalRecord record, GameStateFields fields, ViewsTransaction views, string gameId, TickLedger ledger, int? liveTick)
    {
        var prices = JsonSerializer.Deserialize<double[]>(record.Args.AsSpan()[fields.RootPrices]);
        if (prices is null)
        {
            return;
        }
        for (var tick = 0; tick < prices.Length; tick++)
        {
            if (tick != liveTick && ledger.TakeBackfill(tick))
            {
                GamesTables.UpsertTick(views, gameId, tick, prices[tick], record.Seq, record.Ts, backfilled: true);
            }
        }
    }

    private void ApplyHistory(JournalRecord record, GameStateFields fields, ViewsTransaction views)
    {
        _completeRichness ??= CompleteGamesTables.LoadRichness(views);
        foreach (var entry in fields.History)
        {
            if (_completeRichness.TryGetValue(entry.Id, out var stored) && stored >= entry.Richness)
            {
                continue;
            }
            using var parsed = JsonDocument.Parse(record.Args.AsMemory()[entry.Range]);
            var row = CompleteGameRow.From(parsed.RootElement)!;
            CompleteGamesTables.Save(views, row, record.Seq, record.Ts);
            _completeRichness[entry.Id] = row.Richness;
            _completeTouched.Add(entry.Id);
            Effects.SavedCompleteGame(entry.Id);
        }
    }

    private void ApplyTrade(JournalRecord record, ViewsTransaction views)
    {
        if (_trades.Read(record.Args) is not { } trade)
        {
            return;
        }
        var rugTick = trade.GameId is null ? null : Game(views, trade.GameId, create: false)?.RugTick;
        TradesTable.Insert(views, trade, rugTick, record.Seq, record.Ts);
        Effects.Trade = trade;
    }

    /// <inheritdoc/>
    public void Flush(ViewsTransaction views)
    {
        foreach (var game in _games.Values.Where(g => g.Dirty))
        {
            GamesTables.SaveGame(views, game);
            if (game.RugTickLearned && game.RugTick is { } rug)
            {
                TradesTable.MarkForced(views, game.GameId, rug);
            }
            game.Dirty = game.RugTickLearned = false;
        }
        _completeRichness ??= CompleteGamesTables.LoadRichness(views);
        foreach (var gameId in _completeTouched.Union(_liveTouched.Where(_completeRichness.ContainsKey)))
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

    /// <inheritdoc/>
    public void Forget()
    {
        // What a rolled-back application of a record did must not reach the exports when the record is applied again.
        Effects.Begin(0);
        _games.Clear();
        _ledgers.Clear();
        _liveTouched.Clear();
        _completeTouched.Clear();
        _completeRichness = null;
    }

    /// <summary>The game's rug tick as this projection knows it now (its in-memory row may be ahead of the games table until Flush).</summary>
    internal int? RugTickOf(ViewsTransaction views, string gameId) => Game(views, gameId, create: false)?.RugTick;

    private GameRow? Game(ViewsTransaction views, string gameId, bool create)
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

    private TickLedger Ledger(ViewsTransaction views, string gameId)
    {
        if (!_ledgers.TryGetValue(gameId, out var ledger))
        {
            ledger = new TickLedger();
            GamesTables.LoadTicks(views, gameId, ledger);
            _ledgers[gameId] = ledger;
        }
        return ledger;
    }

    /// <summary>The rug tick is <c>partialPrices.endTick</c> of a rugged event, never the later tickCount (docs/feed.md §5).</summary>
    private static int? RugTickOf(GameStateFields fields) =>
        fields.PartialEndTick ?? (fields.PartialPrices.Count > 0 ? fields.PartialPrices.Max(p => p.Tick) : fields.TickCount);

    private static double? PriceAt(GameStateFields fields, int tick)
    {
        foreach (var known in fields.PartialPrices)
        {
            if (known.Tick == tick)
            {
                return known.Price;
            }
        }
        return null;
    }
}
