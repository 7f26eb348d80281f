namespace Vectra.Runner.Simulation;

/// <summary>A synthetic player: privy id, optional username, level.</summary>
public sealed record SimulatedPlayer(string Id, string? Username, int Level);
