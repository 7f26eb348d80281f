namespace Vectra.Projections.Rugs.Payloads;

/// <summary>A price at a tick, as carried by <c>partialPrices.values</c> or a root <c>prices</c> array.</summary>
public readonly record struct TickPrice(int Tick, double Price);
