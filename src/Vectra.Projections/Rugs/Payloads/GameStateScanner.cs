using System.Buffers.Text;
using System.Text.Json;

namespace Vectra.Projections.Rugs.Payloads;

/// <summary>
/// Reads a <c>gameStateUpdate</c> frame's args in one forward pass with <see cref="Utf8JsonReader"/>:
/// trace objects (<c>{"__trace":true,…}</c>) are passed over, the payload (the last argument) has its
/// top-level fields picked and its bulky parts (leaderboard, history) skipped or kept as byte ranges.
/// </summary>
public sealed class GameStateScanner
{
    private readonly Utf8StringCache _gameIds = new();
    private readonly Utf8StringCache _hashes = new();

    /// <summary>Fills <paramref name="fields"/> from <paramref name="args"/>; false when no object payload was found.</summary>
    public bool TryScan(ReadOnlySpan<byte> args, GameStateFields fields)
    {
        fields.Clear();
        var reader = new Utf8JsonReader(args);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }
        var found = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            // A later object argument replaces an earlier one: the payload is the last argument.
            if (ScanObject(ref reader, fields, out var wasTrace) && !wasTrace)
            {
                found = true;
            }
        }
        return found;
    }

    private bool ScanObject(ref Utf8JsonReader reader, GameStateFields fields, out bool wasTrace)
    {
        wasTrace = false;
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (first && reader.ValueTextEquals("__trace"u8))
            {
                wasTrace = true;
                reader.Read();
                SkipRestOfObject(ref reader);
                return true;
            }
            if (first)
            {
                fields.Clear();
                first = false;
            }
            ReadProperty(ref reader, fields);
        }
        return true;
    }

    private void ReadProperty(ref Utf8JsonReader reader, GameStateFields fields)
    {
        if (reader.ValueTextEquals("gameId"u8))
        {
            reader.Read();
            fields.GameId = reader.TokenType == JsonTokenType.String ? _gameIds.Get(ref reader) : null;
        }
        else if (reader.ValueTextEquals("active"u8))
        {
            fields.Active = ReadBool(ref reader);
        }
        else if (reader.ValueTextEquals("rugged"u8))
        {
            fields.Rugged = ReadBool(ref reader);
        }
        else if (reader.ValueTextEquals("allowPreRoundBuys"u8))
        {
            fields.AllowPreRoundBuys = ReadBool(ref reader);
        }
        else if (reader.ValueTextEquals("cooldownTimer"u8))
        {
            fields.CooldownTimer = ReadInt(ref reader);
        }
        else if (reader.ValueTextEquals("tickCount"u8))
        {
            fields.TickCount = ReadInt(ref reader);
        }
        else if (reader.ValueTextEquals("price"u8))
        {
            reader.Read();
            fields.Price = reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : null;
        }
        else if (reader.ValueTextEquals("partialPrices"u8))
        {
            ReadPartialPrices(ref reader, fields);
        }
        else if (reader.ValueTextEquals("provablyFair"u8))
        {
            ReadProvablyFair(ref reader, fields);
        }
        else if (reader.ValueTextEquals("gameHistory"u8))
        {
            fields.History = ReadRange(ref reader);
        }
        else if (reader.ValueTextEquals("prices"u8))
        {
            fields.RootPrices = ReadRange(ref reader);
        }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    private static void ReadPartialPrices(ref Utf8JsonReader reader, GameStateFields fields)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("endTick"u8))
            {
                fields.PartialEndTick = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isTick = Utf8Parser.TryParse(reader.ValueSpan, out int tick, out var used) && used == reader.ValueSpan.Length;
                    reader.Read();
                    if (isTick && reader.TokenType == JsonTokenType.Number)
                    {
                        fields.PartialPrices.Add(new TickPrice(tick, reader.GetDouble()));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadProvablyFair(ref Utf8JsonReader reader, GameStateFields fields)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isHash = reader.ValueTextEquals("serverSeedHash"u8);
            reader.Read();
            if (isHash && reader.TokenType == JsonTokenType.String)
            {
                fields.ServerSeedHash = _hashes.Get(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static Range ReadRange(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return default;
        }
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)reader.BytesConsumed;
    }

    private static bool? ReadBool(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => SkipAndNull<bool>(ref reader),
        };
    }

    private static int? ReadInt(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt32(out var value))
            {
                return value;
            }
            var asDouble = reader.GetDouble();
            return asDouble is >= int.MinValue and <= int.MaxValue ? (int)asDouble : null;
        }
        return SkipAndNull<int>(ref reader);
    }

    private static T? SkipAndNull<T>(ref Utf8JsonReader reader) where T : struct
    {
        reader.Skip();
        return null;
    }

    private static void SkipRestOfObject(ref Utf8JsonReader reader)
    {
        reader.Skip();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            reader.Skip();
        }
    }
}
