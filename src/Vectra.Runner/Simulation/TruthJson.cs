using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vectra.Runner.Simulation;

/// <summary>Writes the ground truth (<c>--truth FILE</c>): one object per game with prices, trades and sidebets.</summary>
public static class TruthJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Writes <c>{"games":[…]}</c> to <paramref name="output"/>.</summary>
    public static void Write(IReadOnlyList<GameTruth> games, Stream output) => Write(games, null, output);

    /// <summary>Writes <c>{"games":[…]}</c>, with <c>"player":{…}</c> after it when a player was simulated.</summary>
    public static void Write(IReadOnlyList<GameTruth> games, PlayerTruth? player, Stream output)
    {
        ArgumentNullException.ThrowIfNull(games);
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteStartArray("games"u8);
        foreach (var game in games)
        {
            WriteGame(w, game);
        }
        w.WriteEndArray();
        if (player is not null)
        {
            PlayerTruthJson.Write(w, player);
        }
        w.WriteEndObject();
    }

    private static void WriteGame(Utf8JsonWriter w, GameTruth game)
    {
        w.WriteStartObject();
        w.WriteString("id"u8, game.Id);
        w.WriteBoolean("live"u8, game.Live);
        w.WriteString("serverSeed"u8, game.ServerSeed);
        w.WriteString("serverSeedHash"u8, game.ServerSeedHash);
        w.WriteString("version"u8, game.Version);
        w.WriteNumber("rugTick"u8, game.RugTick);
        w.WriteNumber("peak"u8, game.Peak);
        w.WriteNumber("endedAt"u8, game.EndedAtMillis);
        w.WriteStartArray("prices"u8);
        foreach (var price in game.Prices)
        {
            w.WriteNumberValue(price);
        }
        w.WriteEndArray();
        w.WriteStartArray("trades"u8);
        foreach (var t in game.Trades)
        {
            w.WriteStartObject();
            w.WriteString("id"u8, t.Id);
            w.WriteString("type"u8, t.Type);
            w.WriteNumber("amount"u8, t.Amount);
            w.WriteNumber("price"u8, t.Price);
            w.WriteNumber("qty"u8, t.Qty);
            w.WriteNumber("tick"u8, t.Tick);
            w.WriteString("player"u8, t.PlayerId);
            w.WriteBoolean("forced"u8, t.Forced);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sidebets"u8);
        foreach (var s in game.Sidebets)
        {
            w.WriteStartObject();
            w.WriteString("player"u8, s.PlayerId);
            w.WriteNumber("bet"u8, s.Bet);
            w.WriteNumber("startTick"u8, s.StartTick);
            w.WriteNumber("endTick"u8, s.EndTick);
            w.WriteBoolean("won"u8, s.Won);
            w.WriteNumber("payout"u8, s.Payout);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
