namespace Vectra.Runner.Simulation;

/// <summary>A planned trade and the virtual instant it is broadcast.</summary>
internal sealed record TimedTrade(long Ts, TradeTruth Trade);
