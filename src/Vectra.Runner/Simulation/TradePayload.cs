using System.Text.Json;

namespace Vectra.Runner.Simulation;

/// <summary>Writes a <c>standard/newTrade</c> payload: buys carry <c>leverage</c> (14 keys), the rest 13 keys.</summary>
internal static class TradePayload
{
    public static void Write(Utf8JsonWriter w, string gameId, TradeTruth trade)
    {
        w.WriteStartObject();
        w.WriteString("id"u8, trade.Id);
        w.WriteString("gameId"u8, gameId);
        w.WriteString("playerId"u8, trade.PlayerId);
        if (trade.Leverage is { } leverage)
        {
            w.WriteNumber("price"u8, trade.Price);
            w.WriteString("type"u8, trade.Type);
            w.WriteNumber("qty"u8, trade.Qty);
            w.WriteNumber("tickIndex"u8, trade.Tick);
            w.WriteString("coin"u8, "solana");
            w.WriteNumber("amount"u8, trade.Amount);
            w.WriteNumber("leverage"u8, leverage);
        }
        else
        {
            w.WriteString("type"u8, trade.Type);
            w.WriteNumber("price"u8, trade.Price);
            w.WriteNumber("tickIndex"u8, trade.Tick);
            w.WriteString("coin"u8, "solana");
            w.WriteNumber("amount"u8, trade.Amount);
            w.WriteNumber("qty"u8, trade.Qty);
        }
        w.WriteNumber("bonusPortion"u8, 0);
        w.WriteNumber("realPortion"u8, trade.Amount);
        w.WriteString("username"u8, trade.Username);
        w.WriteNumber("level"u8, trade.Level);
        w.WriteEndObject();
    }
}
