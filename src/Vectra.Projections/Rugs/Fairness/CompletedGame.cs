namespace Vectra.Projections.Rugs.Fairness;

/// <summary>
/// The fairness-relevant part of a <c>gameHistory</c> entry. <see cref="Prices"/>, when present, holds ticks
/// 0..R-1 followed by the rug remainder; <see cref="Version"/> is the feed's text (<c>v3</c> when absent).
/// </summary>
public sealed record CompletedGame(
    string Id,
    string? ServerSeed,
    string? ServerSeedHash,
    IReadOnlyList<double>? Prices,
    double? PeakMultiplier,
    string? Version = null);
