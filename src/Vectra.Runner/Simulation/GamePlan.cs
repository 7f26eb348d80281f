namespace Vectra.Runner.Simulation;

/// <summary>
/// One game's timeline on the virtual clock: cooldown start, the instant of each price tick 0..R-1, the rug, the
/// trades and sidebets, and when the next game's cooldown starts. Everything in <see cref="Truth"/> derives from it.
/// </summary>
internal sealed record GamePlan(
    GameTruth Truth,
    long CooldownStart,
    long[] TickTimes,
    long RugTime,
    IReadOnlyList<TimedTrade> Trades,
    IReadOnlyList<TimedSidebet> Sidebets,
    long NextCooldownStart)
{
    public string Id => Truth.Id;

    public int RugTick => Truth.RugTick;

    /// <summary>The price broadcast at <paramref name="tick"/> (the remainder at and after the rug tick).</summary>
    public double PriceAt(int tick) => Truth.Prices[Math.Min(tick, RugTick)];
}
