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
/// are settled in the same transaction whatever order the frames came in. It tells the runner what it did with
/// each record (<see cref="RugsRecordEffects"/>), which hands that to the exports that follow it.
/// </summary>
public sealed class RugsProjection : IEffectsProjection<GameStateFields?, RugsRecordEffects>
{
    // Used by Prepare only (the scanner, its lock and the history parser), which the read-ahead thread and (replaying a failed batch) the applying thread may both call.
    private readonly GameStateScanner _scanner = new();
    private readonly Lock _scanning = new();
    private readonly HistoryParser _history = new();
    private readonly TradeScanner _trades = new();
    private readonly RugsBatchState _state = new();
    private readonly GameStateHandler _gameStates;

    /// <summary>A rugs projection with nothing in memory.</summary>
    public RugsProjection() => _gameStates = new GameStateHandler(_state);

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

    /// <summary>
    /// Scans a <c>gameStateUpdate</c> payload (most of the feed's bytes), so that this can happen ahead, on the read-ahead
    /// thread; null for other events and for a <c>gameStateUpdate</c> without an object payload (nothing to apply).
    /// </summary>
    public GameStateFields? Prepare(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Event != "gameStateUpdate")
        {
            return null;
        }
        var fields = new GameStateFields();
        lock (_scanning)
        {
            if (!_scanner.TryScan(record.ArgsSpan, fields))
            {
                return null;
            }
            if (fields.HasHistory)
            {
                _history.ParseNew(record.ArgsSpan, fields);
            }
            return fields;
        }
    }

    RugsRecordEffects IEffectsProjection<GameStateFields?, RugsRecordEffects>.Apply(JournalRecord record, GameStateFields? prepared, ViewsTransaction views) =>
        record.Event switch
        {
            "gameStateUpdate" when prepared is not null => _gameStates.Apply(record, prepared, views),
            "standard/newTrade" => ApplyTrade(record, views),
            "replayer/tick" => ApplyReplayerTick(record, views),
            _ => default,
        };

    /// <summary>
    /// A REPLAYER tick log line: active lines are live ticks; the first rugged line's tick is the rug tick
    /// (later rugged lines keep counting, as the feed does after a rug, and are not ticks of the game).
    /// </summary>
    private RugsRecordEffects ApplyReplayerTick(JournalRecord record, ViewsTransaction views)
    {
        if (ReplayerTickOf(record) is not { } tick)
        {
            return default;
        }
        var game = _state.Game(views, tick.GameId, create: true)!;
        game.Saw(record.Seq, record.Ts, tick.Phase);
        if (tick.Phase == GamePhase.Rugged)
        {
            game.Rugged(tick.Tick, tick.Price);
        }
        var isTick = tick.Phase == GamePhase.Active || (tick.Phase == GamePhase.Rugged && game.RugTick == tick.Tick);
        if (isTick && _state.Ledger(views, tick.GameId).TakeLive(tick.Tick))
        {
            if (tick.Tick == 0)
            {
                game.Started(record.Ts);
            }
            _state.Ticks.Add(tick.GameId, tick.Tick, tick.Price, record.Seq, record.Ts, backfilled: false);
            _state.LiveTouched(tick.GameId);
        }
        return default;
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

    private RugsRecordEffects ApplyTrade(JournalRecord record, ViewsTransaction views)
    {
        if (_trades.Read(record.ArgsSpan) is not { } trade)
        {
            return default;
        }
        var rugTick = trade.GameId is null ? null : _state.Game(views, trade.GameId, create: false)?.RugTick;
        _state.Trades.Add(trade, rugTick, record.Seq, record.Ts);
        return new RugsRecordEffects(null, trade, null);
    }

    /// <inheritdoc/>
    public void Flush(ViewsTransaction views) => _state.Flush(views);

    /// <inheritdoc/>
    public void Forget() => _state.Forget();

    /// <summary>Writes the ticks and trades applied so far to their tables: anything that reads them while records are applied (the exports) calls this first.</summary>
    internal void WriteOut(ViewsTransaction views) => _state.WriteOut(views);

    /// <summary>The game's rug tick as this projection knows it now (its in-memory row may be ahead of the games table until Flush).</summary>
    internal int? RugTickOf(ViewsTransaction views, string gameId) => _state.Game(views, gameId, create: false)?.RugTick;
}
