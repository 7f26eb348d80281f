namespace Vectra.Projections.Rugs.Games;

/// <summary>
/// Which ticks of one game are already stored, and how (live or backfilled), so a tick is written only
/// when it is new or upgraded from backfilled to live; the many repeats in the feed cost nothing.
/// </summary>
internal sealed class TickLedger
{
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

    private byte State(int tick) => tick < _state.Length ? _state[tick] : None;

    private void Set(int tick, byte state)
    {
        if (tick >= _state.Length)
        {
            Array.Resize(ref _state, Math.Max(tick + 1, _state.Length * 2));
        }
        _state[tick] = state;
    }
}
