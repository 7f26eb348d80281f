using FsCheck;
using FsCheck.Fluent;
using Vectra.Projections.Rugs.Fairness;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>
/// Generators of feed-shaped JSON whose every field may be missing, null, of the wrong type, huge, negative or
/// NaN-like, nested or deep: <c>gameStateUpdate</c> (with history windows and sidebets), <c>standard/newTrade</c>,
/// sidebet events, REPLAYER ticks and unknown events. Game, history and trade ids come from pools of their own
/// (<c>2099…</c>, <c>j-…</c>), so junk never names a valid game or trade.
/// </summary>
internal static class JunkPayloadGen
{
    private const string RealSeed = "3ebcc4cd5daa7e41cb996efb2c4b73f0235b8e385617c142f17eee9b685d9a7d";

    private static readonly string LongText = "\"" + string.Concat(Enumerable.Repeat("rug🚀é\\\"", 2_000)) + "\"";

    private static readonly string Deep = string.Concat(Enumerable.Repeat("{\"a\":[", 25)) + "1" + string.Concat(Enumerable.Repeat("]}", 25));

    /// <summary>Values that are wrong for almost any field.</summary>
    private static readonly string[] WeirdValues =
    [
        "null", "1e308", "-1e308", "1e400", "-1e400", "1.7976931348623157e308", "5e-324", "-1", "-0", "0.5", "3.7", "2147483647", "2147483648",
        "-2147483649", "9223372036854775807", "99999999999999999999999999", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"12\"", "\"\"", "true",
        "false", "[]", "{}", "[1,[2,[3]]]", "[null,\"x\",{}]", "{\"nested\":{\"deeper\":[1e308,\"NaN\",null]}}", Deep, LongText,
    ];

    public static Gen<string> Weird { get; } = Gen.Elements(WeirdValues);

    private static Gen<string> Quoted(params string[] texts) => Gen.Elements(texts.Select(t => "\"" + t + "\"").ToArray());

    public static Gen<string> GameId { get; } = Quoted("20990101-00000000000000j1", "20990101-00000000000000j2", "20990101-00000000000000j3", "x", "");

    private static Gen<string> HistoryId { get; } = Quoted("20990102-00000000000000h1", "20990102-00000000000000h2", "20990102-00000000000000h3");

    private static Gen<string> TradeId { get; } = Quoted("j-t1", "j-t2", "j-t3", "j-t4", "j-t5");

    private static Gen<string> Text { get; } = Quoted("p1", "did:privy:junk", "Zoë 🚀", "buy", "sell");

    private static Gen<string> Bool { get; } = Gen.Elements("true", "false");

    private static Gen<string> Tick { get; } = Gen.OneOf(Gen.Choose(0, 60).Select(Number), Gen.Elements("10001", "250000000", "-3"));

    private static Gen<string> Price { get; } = Gen.OneOf(Gen.Choose(0, 5000).Select(n => Number(n / 1000.0)), Gen.Elements("0", "1e-9", "123456.789"));

    private static Gen<string> Millis { get; } = Gen.Elements("1765800000000", "0", "-5", "253402300800000", "9223372036854775807");

    /// <summary>A JSON object of the named fields, each missing, plausible or weird.</summary>
    public static Gen<string> Object(params (string Name, Gen<string> Plausible)[] fields) =>
        Gen.CollectToArray(fields, field => Member(field.Name, field.Plausible))
            .Select(members => "{" + string.Join(",", members.Where(m => m is not null)) + "}");

    private static Gen<string?> Member(string name, Gen<string> plausible) =>
        Gen.Frequency(
            (2, Gen.Constant<string?>(null)),
            (6, plausible.Select(value => (string?)$"\"{name}\":{value}")),
            (3, Weird.Select(value => (string?)$"\"{name}\":{value}")));

    private static Gen<string> ArrayOf(Gen<string> element, int max) =>
        Gen.Choose(0, max).SelectMany(count => Gen.ArrayOf(element, count)).Select(items => "[" + string.Join(",", items) + "]");

    private static Gen<string> Sidebet { get; } = Object(
        ("playerId", Text), ("username", Text), ("betAmount", Price), ("xPayout", Gen.Elements("5", "0", "-5")),
        ("startedAtTick", Tick), ("startTick", Tick), ("endTick", Tick), ("type", Quoted("placed", "payout")), ("id", TradeId));

    private static Gen<string> HistoryEntry { get; } = Object(
        ("id", HistoryId), ("timestamp", Millis), ("prices", Gen.OneOf(ArrayOf(Price, 12), Gen.Constant("[]"), Gen.Constant("[1,\"2\",null]"))),
        ("peakMultiplier", Price), ("rugged", Bool), ("gameVersion", Quoted("v1", "v2", "v3", "v9")),
        ("provablyFair", Object(("serverSeed", Quoted(RealSeed, "x")), ("serverSeedHash", Quoted(SeedHash.Compute(RealSeed), "abc")))),
        ("globalSidebets", ArrayOf(Sidebet, 4)));

    private static Gen<string> PartialPrices { get; } = Object(
        ("startTick", Tick), ("endTick", Tick),
        ("values", Gen.Choose(0, 4).SelectMany(count => Gen.ArrayOf(Gen.Zip(Gen.OneOf(Tick, Gen.Constant("\"x\"")), Gen.OneOf(Price, Weird)), count))
            .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"\"{p.Item1.Trim('"')}\":{p.Item2}")) + "}")));

    public static Gen<string> GameState { get; } = Object(
        ("gameId", GameId), ("active", Bool), ("rugged", Bool), ("tickCount", Tick), ("price", Price), ("cooldownTimer", Gen.Elements("0", "5000", "15000")),
        ("allowPreRoundBuys", Bool), ("partialPrices", PartialPrices), ("provablyFair", Object(("serverSeedHash", Text))),
        ("gameHistory", ArrayOf(HistoryEntry, 3)), ("prices", Gen.OneOf(ArrayOf(Price, 8), Gen.Constant("[" + string.Join(",", Enumerable.Repeat("1.5", 2_000)) + "]"))));

    public static Gen<string> Trade { get; } = Object(
        ("id", TradeId), ("gameId", GameId), ("playerId", Text), ("username", Text), ("type", Quoted("buy", "sell", "short", "")),
        ("amount", Price), ("price", Price), ("qty", Price), ("tickIndex", Tick), ("leverage", Gen.Elements("1", "2", "0")));

    public static Gen<string> SidebetEvent { get; } = Object(
        ("gameId", GameId), ("playerId", Text), ("betAmount", Price), ("xPayout", Gen.Constant("5")), ("startTick", Tick), ("endTick", Tick),
        ("tickIndex", Tick), ("price", Price), ("timestamp", Millis), ("type", Quoted("placed", "payout")), ("payout", Price), ("profit", Price));

    public static Gen<string> ReplayerTick { get; } = Object(
        ("game_id", GameId), ("tick", Tick), ("price", Price), ("active", Bool), ("rugged", Bool), ("cooldown_timer", Tick), ("phase", Quoted("PRESALE", "ACTIVE")));

    public static Gen<string> Unknown { get; } = Gen.OneOf(Weird, Object(("gameId", GameId), ("reason", Text), ("clean", Bool), ("url", Text), ("sid", Text)));

    /// <summary>Args around a payload: alone, after a trace object, empty, or the payload replaced by a weird value.</summary>
    public static Gen<string> Args(Gen<string> payload) =>
        Gen.Frequency(
            (8, payload.Select(p => "[" + p + "]")),
            (3, payload.Select(p => "[{\"__trace\":true,\"traceparent\":\"00-x\"}," + p + "]")),
            (1, Gen.Constant("[]")),
            (1, Weird.Select(w => "[" + w + "]")),
            (1, Gen.Zip(payload, payload).Select(p => "[" + p.Item1 + "," + p.Item2 + "]")));

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
