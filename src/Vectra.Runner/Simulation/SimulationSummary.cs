namespace Vectra.Runner.Simulation;

/// <summary>What a simulation wrote: records, played games, garbage lines (the <c>torn</c> fault) and the session id.</summary>
public sealed record SimulationSummary(long Records, int Games, int TornLines, Guid Session);
