namespace Vectra.Runner.Serve.Data;

/// <summary>Everything the Game page shows about one game, read from views.db.</summary>
internal sealed record GameDetail(
    string GameId,
    LiveGameRow? Live,
    CompleteGameRow? Complete,
    IReadOnlyList<TickRow> Ticks,
    IReadOnlyList<TradeMark> Trades,
    IReadOnlyList<SidebetWindow> Sidebets);

/// <summary>The <c>games</c> row: what was seen live.</summary>
internal sealed record LiveGameRow(long? StartedAt, long? RuggedAt, int? RugTick, double? Peak, long Observed, long Backfilled, long Missing, string Phase, string? SeedHash);

/// <summary>The <c>complete_games</c> row: the published record and its fairness verdict.</summary>
internal sealed record CompleteGameRow(
    long? EndedAt, string? Version, double? Peak, int? RugTick, IReadOnlyList<double>? Prices, string PricesSource,
    string? Seed, string? SeedHash, string Fairness, string FairnessReason, double Completeness, long LiveMismatches);

/// <summary>One row of <c>ticks</c>.</summary>
internal readonly record struct TickRow(int Tick, double Price, bool Backfilled);

/// <summary>One trade placed on the chart.</summary>
internal sealed record TradeMark(string? Type, int? Tick, double? Price, bool Forced, string? Username, double? Amount);

/// <summary>One sidebet's tick window and outcome.</summary>
internal sealed record SidebetWindow(string? Username, int StartTick, int EndTick, double BetAmount, double XPayout, bool? Won);
