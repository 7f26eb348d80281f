using System.Text.Json;

namespace Vectra.Runner.Simulation;

/// <summary>Payloads of the occasional events: chat, battle, rug royale, golden hour and maintenance announcements.</summary>
internal static class SideEventPayloads
{
    private static readonly string[] Lines = ["gm", "send it", "rug incoming", "lfg", "who is holding?", "nice candle", "ouch", "sidebet hit!"];

    public static void Chat(Utf8JsonWriter w, SimulatedPlayer player, long timestampMillis, SimRandom random)
    {
        w.WriteStartObject();
        w.WriteString("playerId"u8, player.Id);
        w.WriteString("username"u8, player.Username);
        w.WriteNumber("level"u8, player.Level);
        w.WriteString("message"u8, Lines[random.Next(Lines.Length)]);
        w.WriteNumber("timestamp"u8, timestampMillis);
        w.WriteBoolean("filtered"u8, false);
        w.WriteNull("role"u8);
        w.WriteNull("tag"u8);
        w.WriteBoolean("verified"u8, random.Chance(0.3));
        w.WriteNull("discordUsername"u8);
        w.WriteNull("replyTo"u8);
        w.WriteEndObject();
    }

    public static void BattleEvent(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("status"u8, "SCHEDULED");
        w.WriteNull("startTime"u8);
        w.WriteNull("endTime"u8);
        w.WriteNull("nextEventStartTime"u8);
        w.WriteNull("currentEvent"u8);
        w.WriteNull("nextEvent"u8);
        w.WriteStartArray("leaderboard"u8);
        w.WriteEndArray();
        w.WriteNumber("fullLeaderboardSize"u8, 0);
        w.WriteNull("playerPosition"u8);
        w.WriteNumber("participantCount"u8, 0);
        w.WriteNumber("activeBattleCount"u8, 0);
        w.WriteBoolean("lobbyCreationDisabled"u8, false);
        w.WriteStartObject("queue"u8);
        w.WriteBoolean("active"u8, false);
        w.WriteNumber("queueSize"u8, 0);
        w.WriteNumber("availableLobbies"u8, 0);
        w.WriteEndObject();
        w.WriteNull("isShowingPreviousEvent"u8);
        w.WriteStartArray("eventSchedule"u8);
        w.WriteEndArray();
        w.WriteStartObject("config"u8);
        w.WriteString("token"u8, "0xPractice");
        w.WriteNumber("startingBalance"u8, 100);
        w.WriteNumber("prepTimeMinutes"u8, 30);
        w.WriteNumber("levelRequired"u8, 1);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void RugRoyale(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("status"u8, "INACTIVE");
        w.WriteNull("activeEventId"u8);
        w.WriteNull("currentEvent"u8);
        w.WriteStartArray("upcomingEvents"u8);
        w.WriteEndArray();
        w.WriteStartArray("events"u8);
        w.WriteEndArray();
        w.WriteStartArray("leaderboard"u8);
        w.WriteEndArray();
        w.WriteStartArray("history"u8);
        w.WriteEndArray();
        w.WriteNull("playerPosition"u8);
        w.WriteNull("timeRemaining"u8);
        w.WriteBoolean("finalRound"u8, false);
        w.WriteBoolean("isInFinalRound"u8, false);
        w.WriteStartObject("config"u8);
        w.WriteNumber("startingBalance"u8, 100);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void GoldenHour(Utf8JsonWriter w, long nowMillis)
    {
        w.WriteStartObject();
        w.WriteString("status"u8, "UPCOMING");
        w.WriteNumber("nextEventStart"u8, nowMillis + 3_600_000);
        w.WriteNull("currentEvent"u8);
        w.WriteEndObject();
    }

    public static void Maintenance(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteBoolean("active"u8, true);
        w.WriteString("message"u8, "Server will reboot after this round. Back in a few minutes!");
        w.WriteBoolean("mega"u8, false);
        w.WriteEndObject();
    }
}
