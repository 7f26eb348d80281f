namespace Vectra.Runner.Simulation;

/// <summary>A simulated trade as broadcast in <c>standard/newTrade</c>; <see cref="Forced"/> marks the server's sells at the rug.</summary>
public sealed record TradeTruth(
    string Id,
    string Type,
    double Amount,
    double Price,
    double Qty,
    int Tick,
    string PlayerId,
    string? Username,
    int Level,
    int? Leverage,
    bool Forced);
