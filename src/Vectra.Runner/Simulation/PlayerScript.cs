
namespace Vectra.Runner.Simulation;

/// <summary>
/// The one authenticated player of <c>vectra simulate --player ID</c>: per game it plans a few requests (buys, sells
/// of a percentage, a sidebet, sometimes one the server must refuse), plays them on the game's timeline against its
/// <see cref="PlayerAccount"/>, and adds the frames a browser logged in as that player would see and send:
/// <c>$cdp.sent</c>, <c>$cdp.ack</c>, its own <c>standard/newTrade</c>, <c>playerUpdate</c> after every fill and
/// settlement, <c>currentSidebet</c>/<c>currentSidebetResult</c>, and one <c>gameStatePlayerUpdate</c> per tick.
/// Draws only from its own random stream, so the public frames are the same with or without a player.
/// </summary>
internal sealed partial class PlayerScript : IDisposable
{
    private const long Ms = 1000;
    private const ulong PlayerStream = 5;
    private const int SidebetWindow = 40;
    private readonly SimRandom _random;
    private readonly ArgsBuilder _args = new();
    private readonly string _id;
    private readonly string _username;
    private readonly int _level;
    private readonly PlayerAccount _account;
    private readonly RugpoolEntry[] _others;
    private readonly List<PlayerActionTruth> _actions = [];
    private readonly List<PlayerStateTruth> _states = [];
    private readonly List<RugpoolEntryTruth> _rugpool = [];
    private int _nextAck = 1;
    private int _entries;
    private bool _greeted;

    public PlayerScript(ulong seed, string playerId)
    {
        _random = new SimRandom(seed, PlayerStream);
        _id = playerId;
        _username = "Sim" + _random.Hex(6);
        _level = _random.Inclusive(1, 40);
        _account = new PlayerAccount(Math.Round(_random.Between(0.2, 1.0), 3));
        _others = [.. Enumerable.Range(1, 3).Select(i => new RugpoolEntry($"did:privy:cmrugpool{i:D2}{_random.Hex(16)}", $"pool{i}", _random.Inclusive(100, 3000)))];
    }

    public PlayerTruth Truth => new(_id, _actions, _states, _rugpool);

    /// <summary>Adds the player's frames of <paramref name="game"/> to <paramref name="frames"/>; <paramref name="pool"/> is the rugpool while it is played.</summary>
    public void AddGame(List<Frame> frames, GamePlan game, RugpoolState pool, FrameMaker maker)
    {
        var play = new GamePlay(this, frames, game, pool, maker);
        if (!_greeted)
        {
            _greeted = true;
            play.PlayerUpdate(game.CooldownStart + Ms, null);
        }
        play.Run(PlanRequests(game));
        if (game.RugTick > 1)
        {
            var (entries, percentage) = play.LastPoolShare;
            _rugpool.Add(new RugpoolEntryTruth(game.Id, entries, percentage));
        }
    }

    private List<Request> PlanRequests(GamePlan game)
    {
        var requests = new List<Request>();
        var rug = game.RugTick;
        var count = rug < 8 ? 0 : _random.Inclusive(0, Math.Min(4, (rug - 4) / 2));
        var tick = 2;
        for (var i = 0; i < count && tick < rug; i++)
        {
            tick = _random.Inclusive(tick, Math.Min(rug - 1, tick + 30));
            var kind = i == 0 ? (_random.Chance(0.1) ? RequestKind.Sell : RequestKind.Buy)
                : _random.Chance(0.12) ? RequestKind.Sidebet
                : _random.Chance(0.45) ? RequestKind.Buy : RequestKind.Sell;
            requests.Add(new Request(kind, tick, game.TickTimes[tick] + Offset(10, 190)));
            tick += 2;
        }
        if (rug > 0 && _random.Chance(0.08))
        {
            requests.Add(new Request(RequestKind.Buy, rug, game.RugTime + Offset(100, 150)));
        }
        return requests;
    }

    private long Offset(int minMs, int maxMs) => (long)Math.Round(_random.Between(minMs, maxMs) * Ms);

    public void Dispose() => _args.Dispose();

    private enum RequestKind
    {
        Buy,
        Sell,
        Sidebet,
    }

    private sealed record Request(RequestKind Kind, int Tick, long SentTs);
}
