using System.Globalization;
using System.Text;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Tests.FeedServer;

/// <summary>
/// Deterministic feed frames shaped like the rugs.fun feed, written as JSON text by hand so the
/// exact bytes are known: <c>1.0</c>, exponent numbers, <c>\u00e9</c> escapes, raw UTF-8, inner
/// whitespace and unsorted keys all have to survive the trip unchanged.
/// </summary>
internal static class SyntheticFeed
{
    private static readonly string[] Exponents = ["6.288315726479595e-05", "1.5E+3", "-2.5e-7", "1e21", "9.999999999999999e-01"];
    private static readonly string[] Names = ["\"degen\"", "\"Sn\\u00f8w \\ud83d\\ude80\"", "\"Łukasz 🚀\"", "null", "\"quote\\\" and \\\\ back\""];
    private static readonly string[] UnicodeEvents = ["événement/spécial", "игра/обновление", "🎲roll", "日本語イベント"];

    public static IReadOnlyList<ReceivedFrame> Frames(int count, int seed = 20251212)
    {
        var random = new Random(seed);
        var frames = new List<ReceivedFrame>(count);
        for (var i = 0; i < count; i++)
        {
            frames.Add((i % 20) switch
            {
                < 13 => Frame("gameStateUpdate", GameState(i, random)),
                < 17 => Frame("standard/newTrade", Trace(random), Trade(i, random)),
                < 19 => Frame("newChatMessage", Trace(random), Chat(i, random)),
                _ => Frame(UnicodeEvents[i / 20 % UnicodeEvents.Length], Odd(i, random)),
            });
        }
        return frames;
    }

    private static ReceivedFrame Frame(string eventName, params string[] args) =>
        ReceivedFrame.FromText(eventName, "[" + string.Join(',', args) + "]");

    private static string GameState(int i, Random random)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"gameId\":\"20251212-{i / 300:x16}\",\"active\":true,\"rugged\":false,");
        json.Append(CultureInfo.InvariantCulture, $"\"price\":{Price(random)},\"tickCount\":{i % 300},\"cooldownTimer\":0,");
        json.Append(CultureInfo.InvariantCulture, $"\"provablyFair\":{{\"serverSeedHash\":\"{Hex(random, 64)}\",\"version\":\"v3\"}},");
        json.Append(CultureInfo.InvariantCulture, $"\"partialPrices\":{{\"startTick\":{i % 300},\"endTick\":{i % 300 + 4},\"values\":{{\"{i % 300}\":1.0,\"{i % 300 + 1}\":{Price(random)}}}}},");
        json.Append("\"leaderboard\":[");
        for (var rank = 0; rank < 10; rank++)
        {
            json.Append(rank == 0 ? "" : ",");
            json.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"did:privy:{Hex(random, 24)}\",\"username\":{Pick(Names, random)},\"level\":{random.Next(1, 80)},");
            json.Append(CultureInfo.InvariantCulture, $"\"pnl\":{Pick(Exponents, random)},\"regularPnl\":{Price(random)},\"sidebetPnl\":0.0,\"shortPnl\":-0.0,");
            json.Append(CultureInfo.InvariantCulture, $"\"pnlPercent\":{Price(random)},\"hasActiveTrades\":{(random.Next(2) == 0 ? "true" : "false")},\"positionQty\":{Price(random)},");
            json.Append(CultureInfo.InvariantCulture, $"\"avgCost\":1.0,\"totalInvested\":{Price(random)},\"position\":{rank + 1},\"selectedCoin\":null,\"sidebetActive\":null}}");
        }
        json.Append("],\"rugpool\":{ \"instarugCount\" : 3, \"threshold\":10,\"rugpoolAmount\":1.0 }}");
        return json.ToString();
    }

    private static string Trace(Random random) =>
        $"{{\"__trace\":true,\"traceparent\":\"00-{Hex(random, 32)}-{Hex(random, 16)}-01\"}}";

    private static string Trade(int i, Random random) =>
        $"{{\"type\":\"buy\",\"id\":\"{Hex(random, 8)}-{Hex(random, 4)}-4{Hex(random, 3)}-a{Hex(random, 3)}-{Hex(random, 12)}\"," +
        $"\"gameId\":\"20251212-{i / 300:x16}\",\"playerId\":\"did:privy:{Hex(random, 24)}\",\"username\":{Pick(Names, random)}," +
        $"\"level\":{random.Next(1, 80)},\"amount\":{Pick(Exponents, random)},\"price\":{Price(random)},\"qty\":0," +
        $"\"tickIndex\":{i % 300},\"coin\":\"solana\",\"leverage\":{random.Next(1, 6)},\"bonusPortion\":0.0,\"realPortion\":1.0}}";

    private static string Chat(int i, Random random) =>
        $"{{\"playerId\":\"did:privy:{Hex(random, 24)}\",\"username\":{Pick(Names, random)},\"message\":\"caf\\u00e9 #{i} — très bien 🚀 \\\"gg\\\" \\\\o/ \\n\"," +
        $"\"timestamp\":{1765577818000L + i},\"filtered\":false,\"role\":null,\"verified\":true}}";

    private static string Odd(int i, Random random) => (i / 20 % 4) switch
    {
        0 => $"[1.0, 2.50, -0.0, {Pick(Exponents, random)}]",
        1 => $"\"plain string #{i} ünïcødé\"",
        2 => $"{{ \"nested\" : {{ \"deep\" : [ {{ }} , [ ] , true , false , null ] }} , \"n\" : {i}.0 }}",
        _ => $"{i}",
    };

    private static string Price(Random random) => (random.NextDouble() * 50).ToString("R", CultureInfo.InvariantCulture);

    private static string Pick(string[] choices, Random random) => choices[random.Next(choices.Length)];

    private static string Hex(Random random, int digits)
    {
        var bytes = new byte[(digits + 1) / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..digits];
    }
}
