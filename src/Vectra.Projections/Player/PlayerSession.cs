namespace Vectra.Projections.Player;

/// <summary>
/// What <c>player_actions</c> knows of one authenticated session: the player's id, and the game, tick and price the
/// feed last showed (the highest tick of the current game, so an extended copy of an older tick does not move it back).
/// </summary>
internal sealed class PlayerSession(Guid session)
{
    public Guid Session { get; } = session;

    public string? PlayerId { get; set; }

    public string? GameId { get; set; }

    public long? Tick { get; set; }

    public double? Price { get; set; }

    public bool Dirty { get; set; }

    /// <summary>Moves the feed position with one <c>gameStateUpdate</c>'s fields.</summary>
    public void Saw(string? gameId, long? tick, double? price)
    {
        if (gameId is not null && gameId != GameId)
        {
            (GameId, Tick, Price, Dirty) = (gameId, tick, price, true);
            return;
        }
        if (tick is { } t && (Tick is null || t >= Tick))
        {
            (Tick, Price, Dirty) = (t, price ?? Price, true);
        }
    }
}
