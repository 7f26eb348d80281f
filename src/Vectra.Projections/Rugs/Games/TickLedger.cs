namespace Vectra.Projections.Rugs.Games;

/// <summary>
/// Which ticks of one game are already stored, and how (live or backfilled), so a tick is written only
/// when it is new or upgraded from backfilled to live; the many repeats in the feed cost nothing.
/// </summary>
/// <remarks>
/// A tick outside 0..<see cref="MaxTick"/> cannot be one of a game's (the server's loop stops at
/// <see cref="Fairness.GameRules.MaxTicks"/>): it is refused with an exception, so the record that brings it is
/// quarantined rather than stored, or grown into an array of billions of entries.
/// </remarks>
internal sealed class TickLedger
{
    /// <summary>The highest tick accepted: twice the server's longest game, for the ticks the feed counts after a rug.</summary>
    public const int MaxTick = 2 * Fairness.GameRules.MaxTicks;

    private const byte None = 0, Backfilled = 1, Live = 2;
    private byte[] _state = new byte[512];

    public void Load(int tick, bool backfilled) => Set(tick, backfilled ? Backfilled : Live);

    /// <summary>True when a live observation of <paramref name="tick"/> adds something.</summary>
    public bool TakeLive(int tick)
    {
        if (State(tick) == Live)
        {
            return false;
        }
        Set(tick, Live);
        return true;
    }

    /// <summary>True when a backfilled price for <paramref name="tick"/> adds something (the tick was unknown).</summary>
    public bool TakeBackfill(int tick)
    {
        if (State(tick) != None)
        {
            return false;
        }
        Set(tick, Backfilled);
        return true;
    }

    private byte State(int tick)
    {
        if (tick is < 0 or > MaxTick)
        {
            throw new InvalidDataException($"tick {tick} is outside 0..{MaxTick}");
        }
        return tick < _state.Length ? _state[tick] : None;
    }

    private void Set(int tick, byte state)
    {
        if (tick >= _state.Length)
        {
            Array.Resize(ref _state, Math.Max(tick + 1, _state.Length * 2));
        }
        _state[tick] = state;
    }
}
