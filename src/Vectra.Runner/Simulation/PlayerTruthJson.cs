using System.Text.Json;

namespace Vectra.Runner.Simulation;

/// <summary>Writes the <c>"player"</c> member of the <c>--truth</c> file: requests with answers, states, rugpool entries.</summary>
internal static class PlayerTruthJson
{
    public static void Write(Utf8JsonWriter w, PlayerTruth player)
    {
        w.WriteStartObject("player"u8);
        w.WriteString("id"u8, player.PlayerId);
        w.WriteStartArray("actions"u8);
        foreach (var a in player.Actions)
        {
            w.WriteStartObject();
            w.WriteString("gameId"u8, a.GameId);
            w.WriteNumber("ackId"u8, a.AckId);
            w.WriteString("action"u8, a.Action);
            Number(w, "amount"u8, a.Amount);
            Number(w, "percentage"u8, a.Percentage);
            w.WriteNumber("tickRequested"u8, a.TickRequested);
            w.WriteNumber("priceRequested"u8, a.PriceRequested);
            w.WriteBoolean("accepted"u8, a.Accepted);
            w.WriteString("reason"u8, a.Reason);
            w.WriteString("tradeId"u8, a.TradeId);
            Number(w, "tickFilled"u8, a.TickFilled);
            Number(w, "priceFilled"u8, a.PriceFilled);
            Number(w, "qty"u8, a.Qty);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("states"u8);
        foreach (var s in player.States)
        {
            w.WriteStartObject();
            w.WriteString("gameId"u8, s.GameId);
            w.WriteNumber("cash"u8, s.Cash);
            w.WriteNumber("positionQty"u8, s.PositionQty);
            w.WriteNumber("avgCost"u8, s.AvgCost);
            w.WriteNumber("cumulativePnL"u8, s.CumulativePnl);
            w.WriteNumber("totalInvested"u8, s.TotalInvested);
            w.WriteNumber("sidebetPnl"u8, s.SidebetPnl);
            w.WriteNumber("bonusBalance"u8, s.BonusBalance);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("rugpool"u8);
        foreach (var r in player.Rugpool)
        {
            w.WriteStartObject();
            w.WriteString("gameId"u8, r.GameId);
            w.WriteNumber("entries"u8, r.Entries);
            w.WriteNumber("percentage"u8, r.Percentage);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
