using Vectra.Journal.Storage;
using Vectra.Projections.Json;

namespace Vectra.Projections.Rugs.Trades;

/// <summary>
/// Reads the trade of a <c>standard/newTrade</c> frame from its payload (its <see cref="LastArgument"/>;
/// a trace object comes first) in one forward pass. Trades are a sixth of the feed, so
/// they are not parsed into a document; repeated texts (game, player, type) keep one string each.
/// </summary>
internal sealed class TradeScanner
{
    private readonly Utf8TextCache _gameIds = new();
    private readonly Utf8TextCache _types = new();

    /// <summary>The trade, or null when the frame has no arguments; throws when the payload has no string id (the record is then quarantined).</summary>
    public TradeRow? Read(ReadOnlySpan<byte> args)
    {
        var payload = LastArgument.Of(args);
        if (!payload.Exists)
        {
            return null;
        }
        if (!payload.IsObject)
        {
            throw NoId();
        }
        string? id = null, gameId = null, playerId = null, username = null, type = null;
        double? amount = null, price = null, qty = null, tick = null, leverage = null;
        var members = new ObjectMembers(args, payload.Range);
        while (members.MoveNext())
        {
            var name = members.Name;
            var value = args[members.Value];
            // A repeated name takes its last value, as a parsed document would.
            if (name.SequenceEqual("id"u8))
            {
                id = JsonScalar.Text(value);
            }
            else if (name.SequenceEqual("gameId"u8))
            {
                gameId = JsonScalar.Text(value, _gameIds);
            }
            else if (name.SequenceEqual("playerId"u8))
            {
                playerId = JsonScalar.Text(value);
            }
            else if (name.SequenceEqual("username"u8))
            {
                username = JsonScalar.Text(value);
            }
            else if (name.SequenceEqual("type"u8))
            {
                type = JsonScalar.Text(value, _types);
            }
            else if (name.SequenceEqual("amount"u8))
            {
                amount = JsonScalar.Double(value);
            }
            else if (name.SequenceEqual("price"u8))
            {
                price = JsonScalar.Double(value);
            }
            else if (name.SequenceEqual("qty"u8))
            {
                qty = JsonScalar.Double(value);
            }
            else if (name.SequenceEqual("tickIndex"u8))
            {
                tick = JsonScalar.Double(value);
            }
            else if (name.SequenceEqual("leverage"u8))
            {
                leverage = JsonScalar.Double(value);
            }
        }
        return id is null
            ? throw NoId()
            : new TradeRow(id, gameId, playerId, username, type, amount, price, qty, Whole(tick), Whole(leverage));
    }

    /// <summary>A number's whole part, or null when it has none that fits an int (a cast would turn 1e308 into int.MinValue).</summary>
    private static int? Whole(double? number) => number is >= int.MinValue and <= int.MaxValue ? (int)number.Value : null;

    private static InvalidDataException NoId() => new("standard/newTrade payload has no string id");
}
