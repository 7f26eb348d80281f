namespace Vectra.Projections.Rugs.Fairness;

/// <summary>The verdict on one game, the regenerated outcome when a seed was available, and a one-line reason.</summary>
public sealed record FairnessResult(string GameId, FairnessVerdict Verdict, GameOutcome? Outcome, string Reason);
