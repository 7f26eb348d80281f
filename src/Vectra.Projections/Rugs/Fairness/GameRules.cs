namespace Vectra.Projections.Rugs.Fairness;

/// <summary>The constants of the server's price loop.</summary>
public static class GameRules
{
    /// <summary>Chance per tick that the game rugs.</summary>
    public const double RugProbability = 0.005;

    /// <summary>Lower bound of the ordinary drift.</summary>
    public const double DriftMin = -0.02;

    /// <summary>Upper bound of the ordinary drift.</summary>
    public const double DriftMax = 0.03;

    /// <summary>Chance of a big move on a tick that neither rugs nor god-candles.</summary>
    public const double BigMoveChance = 0.125;

    /// <summary>Smallest big move.</summary>
    public const double BigMoveMin = 0.15;

    /// <summary>Largest big move.</summary>
    public const double BigMoveMax = 0.25;

    /// <summary>Chance of a god candle (v3 only).</summary>
    public const double GodCandleChance = 0.00001;

    /// <summary>The god candle's multiplier.</summary>
    public const double GodCandleMove = 10;

    /// <summary>No god candle above this price.</summary>
    public const double GodCandleCap = 100;

    /// <summary>The loop stops after this many iterations even without a rug.</summary>
    public const int MaxTicks = 5000;

    /// <summary>Base volatility, scaled by √price.</summary>
    public const double BaseVolatility = 0.005;

    /// <summary>Cap of the √price volatility factor (v2, v3).</summary>
    public const double VolatilityFactorCap = 10;
}
