namespace Vectra.Runner.Simulation;

/// <summary>
/// Turns a <see cref="SimulationPlan"/> into the frames a public-feed client receives, game by game in time order:
/// cooldown start (dual rug emission #2), timer ticks, presale, ticks, rug, frozen tick, rug emission #1, trades,
/// chat and the occasional side events, with the requested faults applied.
/// </summary>
internal sealed class FeedScript : IDisposable
{
    private const long Ms = 1000;
    private const ulong FrameStream = 2;
    private readonly SimulationPlan _plan;
    private readonly SimulationFaults _faults;
    private readonly FrameMaker _maker;
    private readonly FeedFaults _injected;
    private readonly SimRandom _random;
    private readonly ArgsBuilder _args;
    private readonly List<GameTruth> _completed;
    private List<GameTruth> _window;
    private IReadOnlyList<LeaderboardRow> _lastLeaderboard = Leaderboard.Empty;
    private int _lastTradeCount;
    private RugpoolState _rugpool = RugpoolState.Initial;
    private int _connected;
    private readonly PlayerScript? _player;

    public FeedScript(SimulationPlan plan, SimulationOptions options)
    {
        _plan = plan;
        _faults = options.Faults;
        _maker = new FrameMaker(new SimRandom(options.Seed, FrameStream));
        _injected = new FeedFaults(_faults, _maker);
        _random = _maker.Random;
        _args = _maker.Args;
        _completed = [.. plan.WarmUp];
        _window = [.. plan.WarmUp.Reverse()];
        _connected = 180 + _random.Next(40);
        _player = options.Player is null ? null : new PlayerScript(options.Seed, options.Player);
    }

    /// <summary>The simulated player's ground truth so far (null without <c>--player</c>).</summary>
    public PlayerTruth? Player => _player?.Truth;

    /// <summary>Frames in receive order, one game segment at a time.</summary>
    public IEnumerable<Frame> Frames()
    {
        for (var index = 0; index < _plan.Played.Count; index++)
        {
            foreach (var frame in Segment(index))
            {
                yield return frame;
            }
        }
        foreach (var frame in ClosingSegment())
        {
            yield return frame;
        }
    }

    private List<Frame> Segment(int index)
    {
        var game = _plan.Played[index];
        var frames = new List<Frame>();
        var stats = FeedStatistics.Over(_completed);
        var midGameJoin = index == 0 && _faults.MidGame;
        if (!midGameJoin && (index == 0 || !_injected.RugEmissionMissing(index - 1)))
        {
            var delay = index == 0 ? 0 : _random.Next(3);
            frames.Add(CooldownStart(game, stats, game.CooldownStart + (delay * 100 * Ms) + (delay == 0 ? 0 : 5 * Ms)));
        }
        AddTimer(frames, game, stats);
        var tradeCount = AddActive(frames, game, stats, out var leaderboard);
        AddRug(frames, game, stats, tradeCount, leaderboard);
        AddTrades(frames, game);
        SideEventFrames.Add(frames, game, _maker);
        _injected.Apply(frames, game);
        if (midGameJoin)
        {
            frames = JoinMidGame(frames, game, stats);
        }
        _player?.AddGame(frames, game, _rugpool, _maker);
        frames.Sort(static (a, b) => a.Ts != b.Ts ? a.Ts.CompareTo(b.Ts) : a.Order.CompareTo(b.Order));

        _completed.Add(game.Truth);
        _window = [game.Truth, .. _window.Take(SimulationPlan.HistoryWindow - 1)];
        _lastLeaderboard = leaderboard;
        _lastTradeCount = tradeCount;
        _rugpool = _rugpool.After(game.Truth);
        return frames;
    }

    private List<Frame> ClosingSegment()
    {
        var frames = new List<Frame>();
        var game = _plan.Closing;
        var stats = FeedStatistics.Over(_completed);
        if (_plan.Played.Count == 0 || !_injected.RugEmissionMissing(_plan.Played.Count - 1))
        {
            frames.Add(CooldownStart(game, stats, game.CooldownStart));
        }
        frames.Add(Minimal(game, 14900, game.CooldownStart + (100 * Ms) + 2 * Ms));
        _injected.ApplyDuplicates(frames);
        frames.Sort(static (a, b) => a.Ts != b.Ts ? a.Ts.CompareTo(b.Ts) : a.Order.CompareTo(b.Order));
        return frames;
    }

    private Frame CooldownStart(GamePlan game, FeedStatistics stats, long ts)
    {
        var state = new GameStateFrame(game.Id, game.Truth.ServerSeedHash, game, false, false, 1, 0, 15000, false, null,
            _lastTradeCount, NextConnected(), _lastLeaderboard);
        return Extended(ts, state, stats, rootPrices: false);
    }

    private void AddTimer(List<Frame> frames, GamePlan game, FeedStatistics stats)
    {
        for (var step = 1; step < 150; step++)
        {
            var timer = 15000 - (step * 100);
            var ts = game.CooldownStart + (step * 100 * Ms) + _random.Next(8 * (int)Ms);
            if (timer == 10000)
            {
                var open = new GameStateFrame(game.Id, game.Truth.ServerSeedHash, game, false, false, 1, 0, 10000, true, null,
                    _lastTradeCount, _connected, _lastLeaderboard);
                frames.Add(Standard(ts - 3 * Ms, open, stats, FrameKind.Other));
            }
            frames.Add(Minimal(game, timer, ts));
        }
    }

    private Frame Minimal(GamePlan game, int timer, long ts)
    {
        var state = new GameStateFrame(game.Id, game.Truth.ServerSeedHash, game, false, false, 1, 0, timer, timer <= 10000, null,
            _lastTradeCount, NextConnected(), _lastLeaderboard);
        var w = _args.Begin();
        GameStatePayloads.Minimal(w, state);
        return New(ts, "gameStateUpdate", _args.End(), FrameKind.Other);
    }

    private int AddActive(List<Frame> frames, GamePlan game, FeedStatistics stats, out IReadOnlyList<LeaderboardRow> leaderboard)
    {
        var board = new Leaderboard();
        var applied = 0;
        var zero = new GameStateFrame(game.Id, game.Truth.ServerSeedHash, game, true, false, 1, 0, 0, false, 0, 0, NextConnected(), Leaderboard.Empty);
        var w = _args.Begin();
        GameStatePayloads.TickZero(w, zero);
        frames.Add(New(game.TickTimes[0], "gameStateUpdate", _args.End(), FrameKind.ActiveTick, 0));
        if (_random.Chance(0.5))
        {
            frames.Add(Extended(game.TickTimes[0] + (long)_random.Between(500 * Ms, 600 * Ms), zero, stats, rootPrices: false));
        }
        for (var tick = 1; tick < game.RugTick; tick++)
        {
            var ts = game.TickTimes[tick];
            applied = ApplyTrades(game, board, applied, ts);
            var state = new GameStateFrame(game.Id, game.Truth.ServerSeedHash, game, true, false, game.PriceAt(tick), tick, 0, false, tick,
                applied, NextConnected(), board.Rank(game.PriceAt(tick)));
            frames.Add(Standard(ts, state, stats, FrameKind.ActiveTick, tick));
        }
        applied = ApplyTrades(game, board, applied, game.RugTime);
        leaderboard = board.Rank(game.PriceAt(game.RugTick));
        return applied;
    }

    private static int ApplyTrades(GamePlan game, Leaderboard board, int applied, long until)
    {
        while (applied < game.Trades.Count && game.Trades[applied].Ts <= until)
        {
            var trade = game.Trades[applied++].Trade;
            board.Apply(trade, new SimulatedPlayer(trade.PlayerId, trade.Username, trade.Level));
        }
        return applied;
    }

    private void AddRug(List<Frame> frames, GamePlan game, FeedStatistics stats, int tradeCount, IReadOnlyList<LeaderboardRow> leaderboard)
    {
        var rugTick = game.RugTick;
        var remainder = game.PriceAt(rugTick);
        GameStateFrame Rugged(int tickCount) => new(game.Id, game.Truth.ServerSeedHash, game, true, true, remainder, tickCount, 0, false, rugTick,
            tradeCount, NextConnected(), leaderboard);
        frames.Add(Standard(game.RugTime, Rugged(rugTick), stats, FrameKind.Other, rugTick));
        var frozen = _random.Next(2);
        if (frozen == 1)
        {
            frames.Add(Standard(game.RugTime + (long)_random.Between(200 * Ms, 300 * Ms), Rugged(rugTick + 1), stats, FrameKind.Other, rugTick + 1));
        }
        frames.Add(Extended(game.RugTime + (long)_random.Between(400 * Ms, 900 * Ms), Rugged(rugTick + 1 + frozen), stats, rootPrices: false));
    }

    private void AddTrades(List<Frame> frames, GamePlan game)
    {
        foreach (var timed in game.Trades)
        {
            var w = _args.Begin(_maker.Traceparent());
            TradePayload.Write(w, game.Id, timed.Trade);
            frames.Add(New(timed.Ts, "standard/newTrade", _args.End(), FrameKind.Other));
        }
    }

    private List<Frame> JoinMidGame(List<Frame> frames, GamePlan game, FeedStatistics stats)
    {
        var tick = game.RugTick > 1 ? _random.Inclusive(1, game.RugTick - 1) : 0;
        var joinedAt = game.TickTimes[tick] + 30 * Ms;
        var board = new Leaderboard();
        var applied = ApplyTrades(game, board, 0, joinedAt);
        var state = new GameStateFrame(game.Id, game.Truth.ServerSeedHash, game, true, false, game.PriceAt(tick), tick, 0, false, tick,
            applied, NextConnected(), board.Rank(game.PriceAt(tick)));
        List<Frame> kept = [Extended(joinedAt, state, stats, rootPrices: true)];
        kept.AddRange(frames.Where(f => f.Ts > joinedAt));
        return kept;
    }

    private Frame Standard(long ts, GameStateFrame state, FeedStatistics stats, FrameKind kind, int tick = -1)
    {
        var w = _args.Begin();
        GameStatePayloads.Standard(w, state, stats, _rugpool);
        return New(ts, "gameStateUpdate", _args.End(), kind, tick);
    }

    private Frame Extended(long ts, GameStateFrame state, FeedStatistics stats, bool rootPrices)
    {
        var w = _args.Begin();
        GameStatePayloads.Extended(w, state, stats, _window, rootPrices);
        return New(ts, "gameStateUpdate", _args.End(), FrameKind.Extended, state.TickCount);
    }

    private Frame New(long ts, string eventName, byte[] args, FrameKind kind, int tick = -1) => _maker.New(ts, eventName, args, kind, tick);

    public void Dispose()
    {
        _maker.Dispose();
        _player?.Dispose();
    }

    private int NextConnected()
    {
        _connected = Math.Clamp(_connected + _random.Inclusive(-1, 1), 50, 600);
        return _connected;
    }
}
