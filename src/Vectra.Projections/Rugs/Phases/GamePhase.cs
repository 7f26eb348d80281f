namespace Vectra.Projections.Rugs.Phases;

/// <summary>Where a game is in its life, in the order it happens (so the most advanced phase seen is the max).</summary>
public enum GamePhase
{
    /// <summary>No phase could be told from the event.</summary>
    Unknown = 0,

    /// <summary>Settlement buffer after the previous rug: <c>cooldownTimer</c> above 10000, no pre-round buys.</summary>
    Cooldown = 1,

    /// <summary><c>allowPreRoundBuys</c>: buys at 1.00× while the timer counts 10000 → 100.</summary>
    Presale = 2,

    /// <summary>Ticking: <c>active</c> and not <c>rugged</c>.</summary>
    Active = 3,

    /// <summary>The first <c>rugged</c> tick and everything after it under the same game id.</summary>
    Rugged = 4,
}
