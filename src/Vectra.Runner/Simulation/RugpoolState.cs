namespace Vectra.Runner.Simulation;

/// <summary>The feed's <c>rugpool</c> object: instarugs so far (mod the threshold) and the pool amount.</summary>
internal sealed record RugpoolState(int InstarugCount, double Amount)
{
    public const int Threshold = 10;

    public static RugpoolState Initial { get; } = new(0, 0.5);

    /// <summary>The pool after a finished game: games rugging before tick 10 count as instarugs; trades feed the pool.</summary>
    public RugpoolState After(GameTruth game) =>
        new((InstarugCount + (game.RugTick < 10 ? 1 : 0)) % Threshold, Math.Round(Amount + (game.Trades.Count * 0.0005), 9));
}
