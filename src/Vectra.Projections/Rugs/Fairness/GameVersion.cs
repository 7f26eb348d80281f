namespace Vectra.Projections.Rugs.Fairness;

/// <summary>The server's game-loop version (<c>gameVersion</c> / <c>provablyFair.version</c>).</summary>
public enum GameVersion
{
    /// <summary>v1: no god candle draw; volatility 0.005·√price without a cap.</summary>
    V1 = 1,

    /// <summary>v2: no god candle draw; volatility 0.005·min(10, √price).</summary>
    V2 = 2,

    /// <summary>v3: a god candle draw every tick; volatility 0.005·min(10, √price).</summary>
    V3 = 3,
}
