namespace Vectra.Runner.Simulation;

/// <summary>
/// The values of one <c>gameStateUpdate</c>, whatever its shape. <see cref="PartialEnd"/> is the end tick of the
/// <c>partialPrices</c> window over <see cref="Plan"/>'s prices (null: the window <c>{0: 1}</c> of a game not started).
/// </summary>
internal sealed record GameStateFrame(
    string GameId,
    string ServerSeedHash,
    GamePlan? Plan,
    bool Active,
    bool Rugged,
    double Price,
    int TickCount,
    int CooldownTimer,
    bool AllowPreRoundBuys,
    int? PartialEnd,
    int TradeCount,
    int ConnectedPlayers,
    IReadOnlyList<LeaderboardRow> Leaderboard);
