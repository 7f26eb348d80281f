using System.Text.Json;

namespace Vectra.Runner.Simulation;

/// <summary>
/// Writes the four <c>gameStateUpdate</c> shapes with the key sets and order of the Dec 2025 captures:
/// minimal (7), tick-zero (14), standard (21) and extended (36: gameHistory, statistics, highestToday, godCandles…).
/// </summary>
internal static class GameStatePayloads
{
    private const int PartialWindow = 5;

    public static void Minimal(Utf8JsonWriter w, GameStateFrame f)
    {
        w.WriteStartObject();
        w.WriteString("gameId"u8, f.GameId);
        w.WriteNumber("cooldownTimer"u8, f.CooldownTimer);
        w.WriteBoolean("cooldownPaused"u8, false);
        w.WriteBoolean("allowPreRoundBuys"u8, f.AllowPreRoundBuys);
        WriteLeaderboard(w, f.Leaderboard);
        w.WriteNumber("connectedPlayers"u8, f.ConnectedPlayers);
        WriteProvablyFair(w, f.ServerSeedHash);
        w.WriteEndObject();
    }

    public static void TickZero(Utf8JsonWriter w, GameStateFrame f)
    {
        w.WriteStartObject();
        WriteTickHead(w, f);
        WriteLeaderboard(w, f.Leaderboard);
        w.WriteString("gameId"u8, f.GameId);
        w.WriteNumber("connectedPlayers"u8, f.ConnectedPlayers);
        w.WriteString("gameVersion"u8, "v3");
        WritePartialPrices(w, f);
        WriteProvablyFair(w, f.ServerSeedHash);
        w.WriteEndObject();
    }

    public static void Standard(Utf8JsonWriter w, GameStateFrame f, FeedStatistics stats, RugpoolState rugpool)
    {
        w.WriteStartObject();
        w.WriteBoolean("active"u8, f.Active);
        w.WriteNumber("price"u8, f.Price);
        WritePartialPrices(w, f);
        w.WriteNumber("tradeCount"u8, f.TradeCount);
        w.WriteBoolean("rugged"u8, f.Rugged);
        w.WriteNumber("tickCount"u8, f.TickCount);
        w.WriteNumber("cooldownTimer"u8, f.CooldownTimer);
        w.WriteBoolean("cooldownPaused"u8, false);
        w.WriteString("pauseMessage"u8, "");
        w.WriteBoolean("allowPreRoundBuys"u8, f.AllowPreRoundBuys);
        WriteStatistics(w, stats);
        WriteLeaderboard(w, f.Leaderboard);
        w.WriteString("gameId"u8, f.GameId);
        w.WriteNumber("connectedPlayers"u8, f.ConnectedPlayers);
        w.WriteStartObject("rugpool"u8);
        w.WriteNumber("instarugCount"u8, rugpool.InstarugCount);
        w.WriteNumber("threshold"u8, RugpoolState.Threshold);
        w.WriteNumber("rugpoolAmount"u8, rugpool.Amount);
        w.WriteEndObject();
        w.WriteStartObject("rugRoyale"u8);
        w.WriteString("status"u8, "INACTIVE");
        w.WriteNull("activeEventId"u8);
        w.WriteNull("currentEvent"u8);
        w.WriteStartArray("upcomingEvents"u8);
        w.WriteEndArray();
        w.WriteStartArray("events"u8);
        w.WriteEndArray();
        w.WriteEndObject();
        WriteProvablyFair(w, f.ServerSeedHash);
        w.WriteEndObject();
    }

    /// <summary>An extended emission; <paramref name="rootPrices"/> (the connect snapshot mid-game) replaces <c>partialPrices</c>.</summary>
    public static void Extended(Utf8JsonWriter w, GameStateFrame f, FeedStatistics stats, IReadOnlyList<GameTruth> historyNewestFirst, bool rootPrices)
    {
        w.WriteStartObject();
        w.WriteStartArray("gameHistory"u8);
        foreach (var game in historyNewestFirst)
        {
            HistoryEntryPayload.Write(w, game);
        }
        w.WriteEndArray();
        WriteStatistics(w, stats);
        WriteHighestToday(w, historyNewestFirst);
        foreach (var level in (ReadOnlySpan<string>)["2x", "10x", "50x"])
        {
            var name = "godCandle" + level;
            w.WriteNull(name);
            w.WriteNull(name + "Timestamp");
            w.WriteStartArray(name + "Prices");
            w.WriteEndArray();
            w.WriteNull(name + "MassiveJump");
        }
        w.WriteStartArray("availableShitcoins"u8);
        w.WriteStartObject();
        w.WriteString("address"u8, "0xPractice");
        w.WriteString("ticker"u8, "FREE");
        w.WriteString("name"u8, "Practice SOL");
        w.WriteNumber("max_bet"u8, 10000);
        w.WriteNumber("max_win"u8, 100000);
        w.WriteEndObject();
        w.WriteEndArray();
        WriteTickHead(w, f);
        WriteLeaderboard(w, f.Leaderboard);
        w.WriteString("gameId"u8, f.GameId);
        w.WriteNumber("connectedPlayers"u8, f.ConnectedPlayers);
        w.WriteString("gameVersion"u8, "v3");
        if (rootPrices && f.Plan is { } plan)
        {
            w.WriteStartArray("prices"u8);
            for (var tick = 0; tick <= f.TickCount; tick++)
            {
                w.WriteNumberValue(plan.PriceAt(tick));
            }
            w.WriteEndArray();
        }
        else
        {
            WritePartialPrices(w, f);
        }
        WriteProvablyFair(w, f.ServerSeedHash);
        w.WriteEndObject();
    }

    private static void WriteTickHead(Utf8JsonWriter w, GameStateFrame f)
    {
        w.WriteBoolean("active"u8, f.Active);
        w.WriteNumber("price"u8, f.Price);
        w.WriteBoolean("rugged"u8, f.Rugged);
        w.WriteNumber("tickCount"u8, f.TickCount);
        w.WriteNumber("cooldownTimer"u8, f.CooldownTimer);
        w.WriteBoolean("cooldownPaused"u8, false);
        w.WriteString("pauseMessage"u8, "");
        w.WriteBoolean("allowPreRoundBuys"u8, f.AllowPreRoundBuys);
    }

    private static void WriteStatistics(Utf8JsonWriter w, FeedStatistics stats)
    {
        w.WriteNumber("averageMultiplier"u8, stats.AverageMultiplier);
        w.WriteNumber("count2x"u8, stats.Count2x);
        w.WriteNumber("count10x"u8, stats.Count10x);
        w.WriteNumber("count50x"u8, stats.Count50x);
        w.WriteNumber("count100x"u8, stats.Count100x);
    }

    private static void WriteHighestToday(Utf8JsonWriter w, IReadOnlyList<GameTruth> history)
    {
        var best = history.OrderByDescending(g => g.Peak).FirstOrDefault();
        if (best is null)
        {
            w.WriteNull("highestToday"u8);
            w.WriteNull("highestTodayTimestamp"u8);
            w.WriteStartArray("highestTodayPrices"u8);
            w.WriteEndArray();
            return;
        }
        w.WriteNumber("highestToday"u8, best.Peak);
        w.WriteNumber("highestTodayTimestamp"u8, best.EndedAtMillis);
        w.WriteStartArray("highestTodayPrices"u8);
        foreach (var price in best.Prices)
        {
            w.WriteNumberValue(price);
        }
        w.WriteEndArray();
    }

    private static void WritePartialPrices(Utf8JsonWriter w, GameStateFrame f)
    {
        w.WriteStartObject("partialPrices"u8);
        var end = f.PartialEnd ?? 0;
        var start = Math.Max(0, end - (PartialWindow - 1));
        w.WriteNumber("startTick"u8, start);
        w.WriteNumber("endTick"u8, end);
        w.WriteStartObject("values"u8);
        Span<char> name = stackalloc char[11];
        for (var tick = start; tick <= end; tick++)
        {
            tick.TryFormat(name, out var written);
            w.WriteNumber(name[..written], f.PartialEnd is null || f.Plan is null ? 1 : f.Plan.PriceAt(tick));
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteProvablyFair(Utf8JsonWriter w, string hash)
    {
        w.WriteStartObject("provablyFair"u8);
        w.WriteString("serverSeedHash"u8, hash);
        w.WriteString("version"u8, "v3");
        w.WriteEndObject();
    }

    private static void WriteLeaderboard(Utf8JsonWriter w, IReadOnlyList<LeaderboardRow> rows)
    {
        w.WriteStartArray("leaderboard"u8);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            w.WriteStartObject();
            w.WriteString("id"u8, row.Player.Id);
            w.WriteString("username"u8, row.Player.Username);
            w.WriteNumber("level"u8, row.Player.Level);
            w.WriteNumber("pnl"u8, row.Pnl);
            w.WriteNumber("regularPnl"u8, row.Pnl);
            w.WriteNumber("sidebetPnl"u8, 0);
            w.WriteNumber("shortPnl"u8, 0);
            w.WriteNull("sidebetActive"u8);
            w.WriteNull("sideBet"u8);
            w.WriteNull("shortPosition"u8);
            w.WriteNumber("pnlPercent"u8, row.PnlPercent);
            w.WriteBoolean("hasActiveTrades"u8, true);
            w.WriteNumber("positionQty"u8, row.PositionQty);
            w.WriteNumber("avgCost"u8, row.AvgCost);
            w.WriteNumber("totalInvested"u8, row.TotalInvested);
            w.WriteNull("selectedCoin"u8);
            w.WriteNumber("position"u8, i + 1);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
