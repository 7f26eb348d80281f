namespace Vectra.Runner.Simulation;

/// <summary>Applies the requested <see cref="SimulationFaults"/> to a game's frames: swapped ticks, a gap, duplicated extended frames.</summary>
internal sealed class FeedFaults(SimulationFaults faults, FrameMaker maker)
{
    private const long Ms = 1000;

    /// <summary>Whether the game at <paramref name="gameIndex"/> loses its second rug emission (the next cooldown start).</summary>
    public bool RugEmissionMissing(int gameIndex) => faults.MissingRugEmission && gameIndex % 3 == 0;

    /// <summary>Swaps two ticks, removes a run of ticks and duplicates extended frames, as requested.</summary>
    public void Apply(List<Frame> frames, GamePlan game)
    {
        var random = maker.Random;
        if (faults.OutOfOrder && game.RugTick >= 3)
        {
            var first = random.Inclusive(1, game.RugTick - 2);
            var a = frames.FindIndex(f => f.Kind == FrameKind.ActiveTick && f.Tick == first);
            var b = frames.FindIndex(f => f.Kind == FrameKind.ActiveTick && f.Tick == first + 1);
            (frames[a], frames[b]) = (frames[a] with { Args = frames[b].Args, Tick = first + 1 }, frames[b] with { Args = frames[a].Args, Tick = first });
        }
        if (faults.GapTicks > 0 && game.RugTick >= faults.GapTicks + 2)
        {
            var start = random.Inclusive(1, game.RugTick - faults.GapTicks - 1);
            frames.RemoveAll(f => f.Kind == FrameKind.ActiveTick && f.Tick >= start && f.Tick < start + faults.GapTicks);
        }
        ApplyDuplicates(frames);
    }

    /// <summary>Adds a copy of every extended frame a few ms later, when requested.</summary>
    public void ApplyDuplicates(List<Frame> frames)
    {
        if (!faults.DuplicateExtended)
        {
            return;
        }
        var copies = frames.Where(f => f.Kind == FrameKind.Extended).ToArray();
        foreach (var copy in copies)
        {
            frames.Add(copy with { Ts = copy.Ts + (long)maker.Random.Between(1 * Ms, 5 * Ms), Order = maker.NextOrder() });
        }
    }
}
