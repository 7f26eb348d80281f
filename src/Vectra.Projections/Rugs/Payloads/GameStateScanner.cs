using Vectra.Journal.Storage;
using Vectra.Projections.Json;

namespace Vectra.Projections.Rugs.Payloads;

/// <summary>
/// Reads a <c>gameStateUpdate</c> frame's payload (its <see cref="LastArgument"/>) in one forward pass:
/// only the top-level fields the projections use are read; the rest (leaderboard, statistics) is skipped by
/// bracket matching, and history entries are located, not parsed.
/// </summary>
public sealed class GameStateScanner
{
    private readonly Utf8TextCache _gameIds = new();
    private readonly Utf8TextCache _hashes = new();

    /// <summary>Fills <paramref name="fields"/> from <paramref name="args"/>; false when the payload is not an object.</summary>
    public bool TryScan(ReadOnlySpan<byte> args, GameStateFields fields)
    {
        fields.Clear();
        var payload = LastArgument.Of(args);
        if (!payload.IsObject)
        {
            return false;
        }
        ReadPayload(args, payload.Range, fields);
        return true;
    }

    private void ReadPayload(ReadOnlySpan<byte> args, Range payload, GameStateFields fields)
    {
        var members = new ObjectMembers(args, payload);
        while (members.MoveNext())
        {
            var name = members.Name;
            var value = args[members.Value];
            if (name.SequenceEqual("gameId"u8))
            {
                fields.GameId = JsonScalar.Text(value, _gameIds);
            }
            else if (name.SequenceEqual("active"u8))
            {
                fields.Active = JsonScalar.Bool(value);
            }
            else if (name.SequenceEqual("rugged"u8))
            {
                fields.Rugged = JsonScalar.Bool(value);
            }
            else if (name.SequenceEqual("allowPreRoundBuys"u8))
            {
                fields.AllowPreRoundBuys = JsonScalar.Bool(value);
            }
            else if (name.SequenceEqual("cooldownTimer"u8))
            {
                fields.CooldownTimer = JsonScalar.Int(value);
            }
            else if (name.SequenceEqual("tickCount"u8))
            {
                fields.TickCount = JsonScalar.Int(value);
            }
            else if (name.SequenceEqual("price"u8))
            {
                fields.Price = JsonScalar.Double(value);
            }
            else if (name.SequenceEqual("partialPrices"u8) && value[0] == (byte)'{')
            {
                ReadPartialPrices(args, members.Value, fields);
            }
            else if (name.SequenceEqual("provablyFair"u8) && value[0] == (byte)'{')
            {
                fields.ServerSeedHash = JsonScalar.Text(MemberValue(args, members.Value, "serverSeedHash"u8), _hashes);
            }
            else if (name.SequenceEqual("gameHistory"u8) && value[0] == (byte)'[')
            {
                ReadHistory(args, members.Value, fields);
            }
            else if (name.SequenceEqual("prices"u8) && value[0] == (byte)'[')
            {
                fields.RootPrices = members.Value;
            }
        }
    }

    private static void ReadPartialPrices(ReadOnlySpan<byte> args, Range partial, GameStateFields fields)
    {
        var members = new ObjectMembers(args, partial);
        while (members.MoveNext())
        {
            if (members.Name.SequenceEqual("endTick"u8))
            {
                fields.PartialEndTick = JsonScalar.Int(args[members.Value]);
            }
            else if (members.Name.SequenceEqual("values"u8) && args[members.Value][0] == (byte)'{')
            {
                var values = new ObjectMembers(args, members.Value);
                while (values.MoveNext())
                {
                    if (JsonScalar.Int(values.Name) is { } tick && JsonScalar.Double(args[values.Value]) is { } price)
                    {
                        fields.PartialPrices.Add(new TickPrice(tick, price));
                    }
                }
            }
        }
    }

    private static void ReadHistory(ReadOnlySpan<byte> args, Range window, GameStateFields fields)
    {
        fields.HasHistory = true;
        var entries = new ArrayElements(args, window);
        while (entries.MoveNext())
        {
            if (args[entries.Current][0] != (byte)'{')
            {
                continue;
            }
            string? id = null;
            var richness = 0;
            var members = new ObjectMembers(args, entries.Current);
            while (members.MoveNext())
            {
                var value = args[members.Value];
                if (members.Name.SequenceEqual("id"u8))
                {
                    id = JsonScalar.Text(value);
                }
                else if (members.Name.SequenceEqual("prices"u8) && value[0] == (byte)'[' && value[JsonSkip.Whitespace(value, 1)] != (byte)']')
                {
                    // Published prices, as CompleteGameRow counts them: "prices": [] publishes none.
                    richness |= 1;
                }
                else if (members.Name.SequenceEqual("provablyFair"u8) && value[0] == (byte)'{'
                    && JsonScalar.IsString(MemberValue(args, members.Value, "serverSeed"u8)))
                {
                    richness |= 2;
                }
            }
            if (id is not null)
            {
                fields.History.Add(new HistoryEntry(id, entries.Current, richness));
            }
        }
    }

    /// <summary>The raw value of member <paramref name="name"/> of the object at <paramref name="value"/>, or empty.</summary>
    private static ReadOnlySpan<byte> MemberValue(ReadOnlySpan<byte> args, Range value, ReadOnlySpan<byte> name)
    {
        var members = new ObjectMembers(args, value);
        while (members.MoveNext())
        {
            if (members.Name.SequenceEqual(name))
            {
                return args[members.Value];
            }
        }
        return default;
    }
}
