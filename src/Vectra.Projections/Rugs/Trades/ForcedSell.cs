namespace Vectra.Projections.Rugs.Trades;

/// <summary>
/// The forced-sell rule (docs/feed.md §7), written once as the SQL expression that every writer and reader of a
/// trade's <c>forced</c> flag uses: the insert, the update once a rug tick is learned, and the trade export.
/// </summary>
internal static class ForcedSell
{
    /// <summary>
    /// Sells at or after the game's rug tick are the server's forced sells. When the type, the tick or the rug tick is
    /// unknown (NULL) the trade is not known to be forced: 0, never NULL.
    /// </summary>
    public static string Sql(string type, string tick, string rugTick) => $"coalesce({type} = 'sell' AND {tick} >= {rugTick}, 0)";
}
