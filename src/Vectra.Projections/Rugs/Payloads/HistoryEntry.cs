namespace Vectra.Projections.Rugs.Payloads;

/// <summary>
/// One entry of a <c>gameHistory</c> window, located but not parsed: its id, where it is in the args, and
/// how much it tells (a revealed seed counts 2, a prices array 1), so known entries cost nothing more.
/// </summary>
public readonly record struct HistoryEntry(string Id, Range Range, int Richness);
