using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Simulation;

/// <summary>
/// <c>vectra simulate --player ID</c>: the same seed gives the same bytes and truth; the public feed is the feed of the
/// same seed without a player plus the player's own trades; every frame has the shape of docs/player-records.md.
/// </summary>
public sealed class SimulatedPlayerSessionTests
{
    private const string Player = "did:privy:cmsimplayer000000000000002";

    private static readonly HashSet<string> PlayerOnly = ["$cdp.sent", "$cdp.ack", "playerUpdate", "gameStatePlayerUpdate", "currentSidebet", "currentSidebetResult"];

    private static readonly string[] Orders = ["buyOrder", "sellOrder", "requestSidebet"];

    private static SimulationOptions Options(int games, ulong seed) => SimulatedFeed.Options(games, seed) with { Player = Player };

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_truth()
    {
        var options = Options(20, 8);
        Assert.Equal(SimulatedFeed.Bytes(options), SimulatedFeed.Bytes(options));
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        FeedSimulator.WriteTruth(options, first);
        FeedSimulator.WriteTruth(options, second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Contains("\"player\":{\"id\":\"" + Player + "\"", System.Text.Encoding.UTF8.GetString(first.ToArray()));
    }

    [Fact]
    public void The_public_feed_is_the_one_without_a_player_plus_the_players_own_trades()
    {
        var without = SimulatedFeed.Records(SimulatedFeed.Options(20, 8));
        var with = SimulatedFeed.Records(Options(20, 8));
        var own = with.Where(r => r.Event == "standard/newTrade" && SimulatedFeed.Payload(r).GetProperty("playerId").GetString() == Player).ToList();
        Assert.NotEmpty(own);
        var publicFeed = with.Where(r => !PlayerOnly.Contains(r.Event)).Except(own).Select(r => (r.Ts, r.Event, r.ArgsText));
        Assert.Equal(without.Select(r => (r.Ts, r.Event, r.ArgsText)), publicFeed);
    }

    [Fact]
    public void Sent_orders_and_acks_have_the_documented_shapes_and_every_sent_order_is_answered_once()
    {
        var records = SimulatedFeed.Records(Options(20, 8));
        var sent = records.Where(r => r.Event == SystemEvents.CdpSent).Select(Single).ToList();
        var acks = records.Where(r => r.Event == SystemEvents.CdpAck).Select(Single).ToList();
        Assert.True(sent.Count > 10, $"{sent.Count} sent orders");
        Assert.All(sent, s =>
        {
            Assert.Equal(["direction", "event", "ackId", "args"], s.EnumerateObject().Select(p => p.Name));
            Assert.Equal("sent", s.GetProperty("direction").GetString());
            Assert.Contains(s.GetProperty("event").GetString(), Orders);
        });
        Assert.All(acks, a => Assert.Equal(["direction", "ackId", "args"], a.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(sent.Select(s => s.GetProperty("ackId").GetInt32()), acks.Select(a => a.GetProperty("ackId").GetInt32()).Order());
        Assert.Contains(acks, a => !a.GetProperty("args")[0].GetProperty("success").GetBoolean());
        Assert.All(records.Where(r => r.Event == "gameStatePlayerUpdate"), r => Assert.Equal(JsonValueKind.Array,
            SimulatedFeed.Payload(r).GetProperty("rugpool").GetProperty("playerEntries").ValueKind));
    }

    [Fact]
    public async Task An_empty_player_id_is_bad_usage()
    {
        using var folder = new TempFolder();
        var result = await VectraProcess.RunAsync("simulate", "--games", "1", "--player", " ", "--out", folder.File("s.jsonl"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--player", result.Stderr);
    }

    private static JsonElement Single(JournalRecord record)
    {
        using var document = JsonDocument.Parse(record.Args);
        Assert.Equal(1, document.RootElement.GetArrayLength());
        return document.RootElement[0].Clone();
    }
}
