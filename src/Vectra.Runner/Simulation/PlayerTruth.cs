namespace Vectra.Runner.Simulation;

/// <summary>The ground truth of the simulated authenticated player: every request and answer, every state, the rugpool entries per game.</summary>
public sealed record PlayerTruth(
    string PlayerId,
    IReadOnlyList<PlayerActionTruth> Actions,
    IReadOnlyList<PlayerStateTruth> States,
    IReadOnlyList<RugpoolEntryTruth> Rugpool);
