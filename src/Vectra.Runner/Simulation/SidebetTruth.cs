namespace Vectra.Runner.Simulation;

/// <summary>A simulated sidebet: window <c>StartTick..EndTick</c> (start + 40); won iff the rug tick is inside it; payout 5× bet when won.</summary>
public sealed record SidebetTruth(string PlayerId, string? Username, double Bet, int StartTick, int EndTick, bool Won, double Payout);
