using System.Text.Json;

namespace Vectra.Runner.Simulation;

/// <summary>
/// Writes a completed game as a <c>gameHistory</c> entry (Dec 2025 key order) with its sidebets: a "placed" row for
/// bets after tick 0, and a "payout" row for every bet (winners carry level and the rug price).
/// </summary>
internal static class HistoryEntryPayload
{
    private const string Sol = "So11111111111111111111111111111111111111112";

    public static void Write(Utf8JsonWriter w, GameTruth game)
    {
        w.WriteStartObject();
        w.WriteString("id"u8, game.Id);
        w.WriteNumber("timestamp"u8, game.EndedAtMillis);
        w.WriteStartArray("prices"u8);
        foreach (var price in game.Prices)
        {
            w.WriteNumberValue(price);
        }
        w.WriteEndArray();
        w.WriteNumber("peakMultiplier"u8, game.Peak);
        w.WriteBoolean("rugged"u8, true);
        w.WriteStartArray("globalTrades"u8);
        w.WriteEndArray();
        w.WriteStartArray("globalSidebets"u8);
        for (var i = 0; i < game.Sidebets.Count; i++)
        {
            WriteSidebet(w, game, game.Sidebets[i], i);
        }
        w.WriteEndArray();
        w.WriteStartObject("provablyFair"u8);
        w.WriteString("serverSeed"u8, game.ServerSeed);
        w.WriteString("serverSeedHash"u8, game.ServerSeedHash);
        w.WriteEndObject();
        w.WriteString("gameVersion"u8, game.Version);
        w.WriteEndObject();
    }

    private static void WriteSidebet(Utf8JsonWriter w, GameTruth game, SidebetTruth bet, int index)
    {
        var placedAt = game.EndedAtMillis - ((game.RugTick - bet.StartTick) * 250L);
        if (bet.StartTick > 0)
        {
            w.WriteStartObject();
            w.WriteString("playerId"u8, bet.PlayerId);
            w.WriteString("username"u8, bet.Username);
            w.WriteString("gameId"u8, game.Id);
            w.WriteNumber("betAmount"u8, bet.Bet);
            w.WriteNumber("xPayout"u8, 5);
            w.WriteString("coinAddress"u8, Sol);
            w.WriteNumber("bonusPortion"u8, 0);
            w.WriteNumber("realPortion"u8, bet.Bet);
            w.WriteNumber("timestamp"u8, placedAt);
            w.WriteString("type"u8, "placed");
            w.WriteNumber("startedAtTick"u8, bet.StartTick);
            w.WriteNumber("end"u8, bet.EndTick);
            w.WriteString("id"u8, RowId(game, index, 'p'));
            w.WriteEndObject();
        }
        w.WriteStartObject();
        w.WriteString("playerId"u8, bet.PlayerId);
        w.WriteString("gameId"u8, game.Id);
        w.WriteString("username"u8, bet.Username);
        if (bet.Won)
        {
            w.WriteNumber("level"u8, 1);
        }
        w.WriteNumber("betAmount"u8, bet.Bet);
        w.WriteNumber("payout"u8, bet.Payout);
        w.WriteNumber("profit"u8, Math.Round(bet.Payout - bet.Bet, 9));
        w.WriteNumber("xPayout"u8, 5);
        w.WriteString("coinAddress"u8, Sol);
        w.WriteNumber("endTick"u8, bet.EndTick);
        w.WriteNumber("startTick"u8, bet.StartTick);
        w.WriteNumber("tickIndex"u8, bet.Won ? game.RugTick : bet.StartTick);
        if (bet.Won)
        {
            w.WriteNumber("price"u8, game.Prices[^1]);
        }
        w.WriteNumber("timestamp"u8, bet.Won ? game.EndedAtMillis : placedAt + 10_000);
        w.WriteString("type"u8, "payout");
        w.WriteString("id"u8, RowId(game, index, 'r'));
        w.WriteEndObject();
    }

    private static string RowId(GameTruth game, int index, char kind) =>
        $"{game.Id[9..17]}-{game.Id[17..21]}-4{index % 1000:000}-{(kind == 'p' ? "8" : "9")}000-{game.Id[9..21]}";
}
