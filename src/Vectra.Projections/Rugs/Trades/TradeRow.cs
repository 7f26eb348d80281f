namespace Vectra.Projections.Rugs.Trades;

/// <summary>One <c>standard/newTrade</c> payload, as stored in <c>trades</c>.</summary>
internal sealed record TradeRow(
    string Id, string? GameId, string? PlayerId, string? Username, string? Type,
    double? Amount, double? Price, double? Qty, int? Tick, int? Leverage);
