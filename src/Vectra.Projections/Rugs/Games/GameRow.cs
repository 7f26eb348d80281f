using Vectra.Projections.Rugs.Phases;

namespace Vectra.Projections.Rugs.Games;

/// <summary>
/// One game's row in <c>games</c> while it is being updated. Every merge is order-independent (min, max,
/// first non-null of a constant), so duplicated or shuffled frames give the same row.
/// </summary>
internal sealed class GameRow(string gameId)
{
    public string GameId { get; } = gameId;
    public long FirstSeq { get; set; } = long.MaxValue;
    public long LastSeq { get; set; }
    public long? CooldownAt { get; set; }
    public long? PresaleAt { get; set; }
    public long? StartedAt { get; set; }
    public long? RuggedAt { get; set; }
    public int? RugTick { get; set; }
    public double? FinalPrice { get; set; }
    public string? ServerSeedHash { get; set; }
    public GamePhase Phase { get; set; }

    /// <summary>Set when the row changed since the last flush.</summary>
    public bool Dirty { get; set; }

    /// <summary>Set when the rug tick became known since the last flush (trades' forced flags follow it).</summary>
    public bool RugTickLearned { get; set; }

    public void Saw(long seq, long ts, GamePhase phase)
    {
        FirstSeq = Math.Min(FirstSeq, seq);
        LastSeq = Math.Max(LastSeq, seq);
        if (phase > Phase)
        {
            Phase = phase;
        }
        switch (phase)
        {
            case GamePhase.Cooldown: CooldownAt = Min(CooldownAt, ts); break;
            case GamePhase.Presale: PresaleAt = Min(PresaleAt, ts); break;
            case GamePhase.Rugged: RuggedAt = Min(RuggedAt, ts); break;
        }
        Dirty = true;
    }

    public void Started(long ts)
    {
        StartedAt = Min(StartedAt, ts);
        Dirty = true;
    }

    public void Rugged(int rugTick, double? finalPrice)
    {
        if (RugTick is null || rugTick < RugTick)
        {
            RugTick = rugTick;
            FinalPrice = finalPrice ?? FinalPrice;
            RugTickLearned = true;
            Dirty = true;
        }
        else if (rugTick == RugTick && FinalPrice is null && finalPrice is not null)
        {
            FinalPrice = finalPrice;
            Dirty = true;
        }
    }

    public void Hash(string? hash)
    {
        if (hash is not null && ServerSeedHash is null)
        {
            ServerSeedHash = hash;
            Dirty = true;
        }
    }

    private static long Min(long? current, long value) => current is { } known ? Math.Min(known, value) : value;
}
