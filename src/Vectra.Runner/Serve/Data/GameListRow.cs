namespace Vectra.Runner.Serve.Data;

/// <summary>One line of the Games page: a game seen live, in a <c>gameHistory</c>, or both.</summary>
internal sealed record GameListRow(
    string GameId, long? At, int? RugTick, double? Peak, double? Completeness, string? Fairness, string? Phase, bool Complete);
