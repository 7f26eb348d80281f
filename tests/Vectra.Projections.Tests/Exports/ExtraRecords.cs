using System.Text;
using Vectra.Journal.Records;

namespace Vectra.Projections.Tests.Exports;

/// <summary>
/// Hand-made records appended after a simulated feed, for what the simulator never sends: unicode usernames, a trade
/// without a game, a completed game with an empty <c>prices</c> array and one with none (and no seed).
/// </summary>
internal static class ExtraRecords
{
    public const string Unicode = "Zoë 🚀 ラグ \"quoted\" \\ back";

    public static IEnumerable<JournalRecord> After(JournalRecord last)
    {
        var ts = last.Ts;
        JournalRecord Record(string @event, string args) => last with { Ts = ts += 250_000, Event = @event, Args = Encoding.UTF8.GetBytes(args) };
        var name = System.Text.Json.JsonSerializer.Serialize(Unicode);
        yield return Record("gameStateUpdate", $$"""
            [{"gameId":"29990101-extra0001","active":false,"rugged":false,"cooldownTimer":15000,"allowPreRoundBuys":false,"tickCount":0,"price":1,
              "gameHistory":[
                {"id":"29990101-emptyprices","timestamp":{{(ts / 1000) - 5000}},"prices":[],"peakMultiplier":1,"rugged":true,"globalTrades":[],
                 "globalSidebets":[{"playerId":"p-unicode","username":{{name}},"betAmount":0.25,"xPayout":5,"startedAtTick":3,"end":43,"type":"placed","id":"s1"}],
                 "gameVersion":"v3"},
                {"id":"29990101-noprices","timestamp":{{(ts / 1000) - 4000}},"peakMultiplier":2.5,"rugged":true,"globalTrades":[],
                 "globalSidebets":[{"playerId":"p-null","username":null,"betAmount":0.5,"xPayout":5,"startTick":7,"endTick":47,"type":"payout","id":"s2"}]}
              ]}]
            """);
        yield return Record("standard/newTrade", $$"""[{"id":"t-unicode","gameId":"29990101-extra0001","playerId":"p-unicode","username":{{name}},"type":"buy","amount":0.5,"price":1,"qty":0.5,"tickIndex":0,"leverage":2}]""");
        yield return Record("standard/newTrade", """[{"__trace":1},{"id":"t-nogame","playerId":"p-null","username":null,"type":"sell","qty":1,"tickIndex":4}]""");
        yield return Record("gameStateUpdate", """[{"gameId":"29990101-extra0002","active":false,"rugged":false,"cooldownTimer":15000,"allowPreRoundBuys":false,"tickCount":0,"price":1}]""");
        yield return Record("standard/newTrade", $$"""[{"id":"t-late","gameId":"29990101-extra0001","playerId":"p-unicode","username":{{name}},"type":"sell","amount":0.1,"price":1,"qty":0.1,"tickIndex":1}]""");
        yield return Record("$session.stop", """[{"clean":true}]""");
        yield return Record("emptyArgs", "[]");
    }
}
