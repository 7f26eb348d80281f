namespace Vectra.Projections.Player;

/// <summary>
/// What <c>player_actions</c> did with one record, for the <c>player_action</c> export: the game a player session's
/// feed just left (a <c>gameStateUpdate</c> of a new game id, or the session's end), whose actions are now final.
/// <c>default</c>: nothing.
/// </summary>
public readonly record struct PlayerActionEffects(Guid Session, string? SettledGame);
