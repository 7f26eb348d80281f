using FsCheck;
using FsCheck.Fluent;
using Vectra.Projections.Tests.Runtime;

namespace Vectra.Projections.Tests.Player;

/// <summary>
/// Junk of the authenticated player's records for the projection fuzz: <c>playerUpdate</c>, <c>gameStatePlayerUpdate</c>
/// (leaderboard entry, rugpool with entries), <c>currentSidebet</c>, and <c>$cdp.sent</c> in both shapes and
/// <c>$cdp.ack</c>, every field missing, plausible or weird (<see cref="JunkPayloadGen"/>).
/// </summary>
internal static class PlayerJunkGen
{
    /// <summary>The player of the valid session the junk is mixed into.</summary>
    public const string ValidPlayer = "did:privy:cmfuzzplayer00000000000001";

    private static Gen<string> Quoted(params string[] texts) => Gen.Elements(texts.Select(t => "\"" + t + "\"").ToArray());

    private static Gen<string> PlayerId { get; } = Quoted("did:privy:junk1", "did:privy:junk2", "Zoë 🚀", "");

    private static Gen<string> Amount { get; } = Gen.Elements("0.001", "0.5", "0", "-1", "1e-9", "12345.678");

    private static Gen<string> AckId { get; } = Gen.Elements("1", "2", "3", "0", "-1", "2.5", "9007199254740993");

    private static Gen<string> Action { get; } = Quoted("buyOrder", "sellOrder", "requestSidebet", "shortOrder", "closeShortOrder", "authenticate", "");

    public static Gen<string> PlayerUpdate { get; } = JunkPayloadGen.Object(
        ("id", PlayerId), ("cash", Amount), ("positionQty", Amount), ("avgCost", Amount), ("cumulativePnL", Amount), ("totalInvested", Amount),
        ("sidebetPnl", Amount), ("bonusBalance", Amount), ("pnlPercent", Amount), ("sidebets", Gen.Constant("[]")));

    private static Gen<string> Entry { get; } = JunkPayloadGen.Object(
        ("playerId", PlayerId), ("entries", Gen.Elements("1", "5000", "-3", "1e308")), ("username", PlayerId), ("percentage", Amount));

    private static Gen<string> Rugpool { get; } = JunkPayloadGen.Object(
        ("instarugCount", Gen.Elements("0", "9", "-1")), ("rugpoolAmount", Amount), ("totalEntries", Gen.Elements("0", "10004")),
        ("threshold", Gen.Constant("10")), ("playersWithEntries", Gen.Elements("0", "91")), ("solPerEntry", Amount),
        ("maxEntriesPerPlayer", Gen.Constant("5000")),
        ("playerEntries", Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Entry, n)).Select(items => "[" + string.Join(",", items) + "]")));

    public static Gen<string> GameStatePlayerUpdate { get; } = JunkPayloadGen.Object(
        ("gameId", JunkPayloadGen.GameId),
        ("leaderboardEntry", JunkPayloadGen.Object(("id", PlayerId), ("pnl", Amount), ("positionQty", Amount), ("avgCost", Amount))),
        ("rugpool", Rugpool));

    public static Gen<string> CurrentSidebet { get; } = JunkPayloadGen.Object(
        ("gameId", JunkPayloadGen.GameId), ("betAmount", Amount), ("startTick", Gen.Elements("0", "12", "-1")), ("price", Amount), ("type", Quoted("placed", "payout")));

    private static Gen<string> Order { get; } = JunkPayloadGen.Object(("amount", Amount), ("percentage", Gen.Elements("25", "100", "0", "-5")));

    /// <summary><c>$cdp.sent</c>: the live shape with args, or the imported line with data.</summary>
    public static Gen<string> Sent { get; } = Gen.OneOf(
        JunkPayloadGen.Object(("direction", Quoted("sent")), ("event", Action), ("ackId", AckId),
            ("args", Gen.OneOf(Order.Select(o => "[" + o + "]"), Gen.Constant("[]"), JunkPayloadGen.Weird))),
        JunkPayloadGen.Object(("seq", Gen.Constant("7")), ("ts", Quoted("2025-12-17T21:35:05+00:00")), ("event", Action), ("data", Order),
            ("direction", Quoted("sent"))));

    public static Gen<string> Ack { get; } = JunkPayloadGen.Object(
        ("direction", Quoted("received")), ("ackId", AckId),
        ("args", Gen.OneOf(
            JunkPayloadGen.Object(("success", Gen.Elements("true", "false")), ("reason", Quoted("insufficient cash")), ("tradeId", Quoted("j-t1", "j-t2")))
                .Select(a => "[" + a + "]"),
            JunkPayloadGen.Weird)));

    /// <summary>One junk player record: (event, args).</summary>
    public static Gen<(string Event, string Args)> Record { get; } = Gen.OneOf(
        JunkPayloadGen.Args(PlayerUpdate).Select(a => ("playerUpdate", a)),
        JunkPayloadGen.Args(GameStatePlayerUpdate).Select(a => ("gameStatePlayerUpdate", a)),
        JunkPayloadGen.Args(CurrentSidebet).Select(a => ("currentSidebet", a)),
        JunkPayloadGen.Args(Sent).Select(a => ("$cdp.sent", a)),
        JunkPayloadGen.Args(Ack).Select(a => ("$cdp.ack", a)),
        JunkPayloadGen.Args(JunkPayloadGen.Unknown).Select(a => ("usernameStatus", a)));
}
