namespace Vectra.Runner.Simulation;

/// <summary>
/// One request the simulated player sent (<c>buyOrder</c>, <c>sellOrder</c>, <c>requestSidebet</c>) and how the server
/// answered: the tick and price the player last saw when sending, accepted or rejected with the reason, and for an
/// accepted order the fill (trade id, tick, price, quantity) as its own <c>standard/newTrade</c> shows it (a sidebet: the
/// tick and price <c>currentSidebet</c> shows, no trade).
/// </summary>
public sealed record PlayerActionTruth(
    string GameId,
    int AckId,
    string Action,
    double? Amount,
    int? Percentage,
    int TickRequested,
    double PriceRequested,
    bool Accepted,
    string? Reason,
    string? TradeId,
    int? TickFilled,
    double? PriceFilled,
    double? Qty,
    long SentTs,
    long AckTs);
