namespace Vectra.Runner.Simulation;

/// <summary>The player's rugpool entries as the last <c>gameStatePlayerUpdate</c> of a game lists them.</summary>
public sealed record RugpoolEntryTruth(string GameId, int Entries, double Percentage);
