namespace Vectra.Projections.Rugs.Phases;

/// <summary>
/// The phase rule that works on every <c>gameStateUpdate</c> shape (docs/feed.md §4.2). Absent fields are
/// unknown, not false; <c>rugged</c> is evaluated before <c>active</c> because rugged ticks still say active.
/// </summary>
public static class PhaseRule
{
    /// <summary>The phase an event's fields say the game is in.</summary>
    public static GamePhase Of(bool? rugged, bool? active, int? cooldownTimer, bool? allowPreRoundBuys)
    {
        if (rugged == true)
        {
            return GamePhase.Rugged;
        }
        if (active == true)
        {
            return GamePhase.Active;
        }
        if (cooldownTimer > 0)
        {
            return allowPreRoundBuys == true ? GamePhase.Presale : GamePhase.Cooldown;
        }
        return GamePhase.Unknown;
    }

    /// <summary>The lower-case name stored in views.db.</summary>
    public static string ToText(this GamePhase phase) => phase switch
    {
        GamePhase.Cooldown => "cooldown",
        GamePhase.Presale => "presale",
        GamePhase.Active => "active",
        GamePhase.Rugged => "rugged",
        _ => "unknown",
    };
}
