namespace Vectra.Runner.Simulation;

/// <summary>A planned sidebet and the virtual instant (ms) it was placed.</summary>
internal sealed record TimedSidebet(long PlacedAtMillis, SidebetTruth Bet);
