using System.Text.Json;

namespace Vectra.Runner.Simulation;

/// <summary>
/// Writes the authenticated player's frames with the key order of the Dec 2025 CDP samples: <c>playerUpdate</c>,
/// <c>gameStatePlayerUpdate</c> (leaderboard entry and rugpool), the sent-packet and ack records of
/// <c>docs/player-records.md</c>, and the player's own sidebet events.
/// </summary>
internal static class PlayerPayloads
{
    public const string CoinAddress = "So11111111111111111111111111111111111111112";

    public static void PlayerUpdate(Utf8JsonWriter w, string playerId, PlayerAccount account, int level)
    {
        w.WriteStartObject();
        w.WriteString("id"u8, playerId);
        w.WriteNull("role"u8);
        w.WriteNumber("cash"u8, account.Cash);
        w.WriteNumber("bonusBalance"u8, account.BonusBalance);
        w.WriteNumber("bonusWagerReq"u8, 0);
        w.WriteNumber("bonusWagered"u8, 0);
        w.WriteNumber("positionQty"u8, account.PositionQty);
        w.WriteNumber("avgCost"u8, account.AvgCost);
        w.WriteNumber("cumulativePnL"u8, account.CumulativePnl);
        w.WriteNumber("sidebetPnl"u8, account.SidebetPnl);
        w.WriteNumber("pnlPercent"u8, account.PnlPercent);
        w.WriteNumber("totalInvested"u8, account.TotalInvested);
        w.WriteBoolean("hasInteracted"u8, true);
        w.WriteNull("selectedCoin"u8);
        w.WriteStartObject("levelInfo"u8);
        w.WriteNumber("level"u8, level);
        w.WriteNumber("xp"u8, 0);
        w.WriteNumber("xpForNextLevel"u8, 1500);
        w.WriteNumber("totalXP"u8, 0);
        w.WriteEndObject();
        w.WriteBoolean("authenticated"u8, true);
        w.WriteBoolean("hitMaxWin"u8, false);
        w.WriteNull("sideBet"u8);
        w.WriteStartArray("sidebets"u8);
        w.WriteEndArray();
        w.WriteNull("shortPosition"u8);
        w.WriteStartArray("leveragedPositions"u8);
        w.WriteEndArray();
        w.WriteBoolean("autobuysEnabled"u8, false);
        w.WriteNull("autosellPrice"u8);
        w.WriteEndObject();
    }

    public static void GameStatePlayerUpdate(Utf8JsonWriter w, string gameId, PlayerStanding? standing, RugpoolState pool, IReadOnlyList<RugpoolEntry> entries)
    {
        w.WriteStartObject();
        w.WriteString("gameId"u8, gameId);
        if (standing is { } s)
        {
            w.WriteStartObject("leaderboardEntry"u8);
            w.WriteString("id"u8, s.PlayerId);
            w.WriteString("username"u8, s.Username);
            w.WriteNumber("level"u8, s.Level);
            w.WriteNumber("pnl"u8, s.Pnl);
            w.WriteNumber("regularPnl"u8, s.Pnl);
            w.WriteNumber("sidebetPnl"u8, 0);
            w.WriteNumber("shortPnl"u8, 0);
            w.WriteNull("sidebetActive"u8);
            w.WriteNull("sideBet"u8);
            w.WriteNull("shortPosition"u8);
            w.WriteNumber("pnlPercent"u8, s.TotalInvested > 0 ? s.Pnl / s.TotalInvested * 100 : 0);
            w.WriteBoolean("hasActiveTrades"u8, s.PositionQty > 0);
            w.WriteNumber("positionQty"u8, s.PositionQty);
            w.WriteNumber("avgCost"u8, s.AvgCost);
            w.WriteNumber("totalInvested"u8, s.TotalInvested);
            w.WriteNull("selectedCoin"u8);
            w.WriteNumber("position"u8, s.Position);
            w.WriteEndObject();
        }
        var total = entries.Sum(e => e.Entries);
        w.WriteStartObject("rugpool"u8);
        w.WriteNumber("instarugCount"u8, pool.InstarugCount);
        w.WriteNumber("rugpoolAmount"u8, pool.Amount);
        w.WriteNumber("totalEntries"u8, total);
        w.WriteNumber("threshold"u8, RugpoolState.Threshold);
        w.WriteNumber("playersWithEntries"u8, entries.Count);
        w.WriteNumber("solPerEntry"u8, RugpoolEntry.SolPerEntry);
        w.WriteNumber("maxEntriesPerPlayer"u8, RugpoolEntry.MaxEntries);
        w.WriteStartArray("playerEntries"u8);
        foreach (var entry in entries)
        {
            w.WriteStartObject();
            w.WriteString("playerId"u8, entry.PlayerId);
            w.WriteNumber("entries"u8, entry.Entries);
            w.WriteString("username"u8, entry.Username);
            w.WriteNumber("percentage"u8, entry.Percentage(total));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A sent packet: <c>{"direction":"sent","event":…,"ackId":…,"args":[…]}</c>; <paramref name="argument"/> writes the one argument.</summary>
    public static void Sent(Utf8JsonWriter w, string eventName, int ackId, Action<Utf8JsonWriter> argument)
    {
        w.WriteStartObject();
        w.WriteString("direction"u8, "sent");
        w.WriteString("event"u8, eventName);
        w.WriteNumber("ackId"u8, ackId);
        w.WriteStartArray("args"u8);
        argument(w);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An ack: <c>{"direction":"received","ackId":…,"args":[{"success":…}]}</c>.</summary>
    public static void Ack(Utf8JsonWriter w, int ackId, string? reason, string? tradeId, long timestampMs)
    {
        w.WriteStartObject();
        w.WriteString("direction"u8, "received");
        w.WriteNumber("ackId"u8, ackId);
        w.WriteStartArray("args"u8);
        w.WriteStartObject();
        w.WriteBoolean("success"u8, reason is null);
        if (reason is not null)
        {
            w.WriteString("reason"u8, reason);
        }
        if (tradeId is not null)
        {
            w.WriteString("tradeId"u8, tradeId);
        }
        w.WriteNumber("timestamp"u8, timestampMs);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
