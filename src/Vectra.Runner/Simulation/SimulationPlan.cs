namespace Vectra.Runner.Simulation;

/// <summary>
/// Every game of a simulation, planned up front from the plan generator: ten earlier games that fill the opening
/// <c>gameHistory</c> window, the played games, and the game whose cooldown start closes the recording.
/// </summary>
internal sealed class SimulationPlan
{
    public const int HistoryWindow = 10;
    private const long WarmUpLead = 12L * 3600 * 1_000_000;
    private const ulong PlanStream = 1;

    public SimulationPlan(SimulationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Games);
        var random = new SimRandom(options.Seed, PlanStream);
        var players = new PlayerPool(random, 64);
        var start = Journal.Records.MetaTime.FromDateTimeOffset(options.Start);
        var warmUpClock = new VirtualClock(start - WarmUpLead);
        var warmUp = new GamePlanner(random, players, warmUpClock);
        WarmUp = [.. Enumerable.Range(0, HistoryWindow).Select(_ => warmUp.Next(live: false).Truth)];
        var clock = new VirtualClock(Math.Max(start, warmUpClock.Now));
        var planner = new GamePlanner(random, players, clock);
        Played = [.. Enumerable.Range(0, options.Games).Select(_ => planner.Next(live: true))];
        Closing = planner.Next(live: false);
    }

    /// <summary>Games that ended before the recording, oldest first.</summary>
    public IReadOnlyList<GameTruth> WarmUp { get; }

    /// <summary>The games the recording shows.</summary>
    public IReadOnlyList<GamePlan> Played { get; }

    /// <summary>The game after the last played one; only its cooldown start is recorded.</summary>
    public GamePlan Closing { get; }

    /// <summary>Warm-up games, then played games.</summary>
    public IReadOnlyList<GameTruth> Truth => [.. WarmUp, .. Played.Select(p => p.Truth)];
}
