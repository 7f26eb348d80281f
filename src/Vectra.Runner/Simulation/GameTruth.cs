namespace Vectra.Runner.Simulation;

/// <summary>
/// The ground truth of one simulated game. <see cref="Prices"/> has <see cref="RugTick"/> + 1 elements (the engine's
/// ticks 0..R-1, then the rug remainder). <see cref="Live"/> is false for the games that only appear in the opening
/// <c>gameHistory</c> window (played before the recording started).
/// </summary>
public sealed record GameTruth(
    string Id,
    string ServerSeed,
    string ServerSeedHash,
    string Version,
    int RugTick,
    double Peak,
    IReadOnlyList<double> Prices,
    long EndedAtMillis,
    bool Live,
    IReadOnlyList<TradeTruth> Trades,
    IReadOnlyList<SidebetTruth> Sidebets);
