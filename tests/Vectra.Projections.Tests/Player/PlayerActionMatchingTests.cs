using System.Text;
using Vectra.Journal.Records;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Player;

/// <summary>
/// Concrete record sequences where the player's trade reaches the journal before the acks that say which request it
/// filled, or where the player sent an order before the feed showed any game: the trade ends on the request the acks
/// accept, whatever order the records came in, and no request is filled by a trade of a game it was not sent in.
/// </summary>
public sealed class PlayerActionMatchingTests
{
    private const string GameA = "20261203-00000000000000a1";
    private const string GameB = "20261203-00000000000000b2";
    private static readonly Guid Session = Guid.Parse("5d7e2a4c-0000-4000-8000-000000000017");

    private static JournalRecord R(string eventName, string args) =>
        new(0, 1_796_000_000_000_000, Session, 1, "cdp", eventName, Encoding.UTF8.GetBytes(args));

    private static JournalRecord PlayerUpdate() => R("playerUpdate", $$"""[{"id":"{{SimulatedPlayer.Id}}","cash":1}]""");

    private static JournalRecord Game(string gameId, int tick) => R("gameStateUpdate", $$"""[{"gameId":"{{gameId}}","active":true,"tickCount":{{tick}},"price":1.5}]""");

    private static JournalRecord Buy(int ackId) => R(SystemEvents.CdpSent, $$"""[{"direction":"sent","event":"buyOrder","ackId":{{ackId}},"args":[{"amount":0.1}]}]""");

    private static JournalRecord ImportedBuy() => R(SystemEvents.CdpSent, """[{"seq":1,"ts":1,"event":"buyOrder","data":{"amount":0.1},"direction":"sent"}]""");

    private static JournalRecord ImportedSidebet() =>
        R(SystemEvents.CdpSent, """[{"seq":2,"ts":2,"event":"requestSidebet","data":{"amount":0.01,"xPayout":5},"direction":"sent"}]""");

    private static JournalRecord SidebetPlaced(string gameId, int tick) =>
        R("currentSidebet", $$"""[{"gameId":"{{gameId}}","betAmount":0.01,"xPayout":5,"startTick":{{tick}},"endTick":{{tick + 40}},"tickIndex":{{tick}},"price":1.25,"type":"placed"}]""");

    private static JournalRecord Ack(int ackId, string answer) => R(SystemEvents.CdpAck, $$"""[{"direction":"received","ackId":{{ackId}},"args":[{{answer}}]}]""");

    private static JournalRecord Trade(string id, string gameId, int tick) =>
        R("standard/newTrade", $$"""[{"id":"{{id}}","gameId":"{{gameId}}","playerId":"{{SimulatedPlayer.Id}}","type":"buy","tickIndex":{{tick}},"price":1.5,"qty":0.06,"amount":0.1}]""");

    private static async Task<List<(long? AckId, string? GameId, bool? Accepted, string? TradeId, long? TickFilled)>> ActionsAsync(IEnumerable<JournalRecord> records)
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAndProjectAsync(folder.Path, records);
        return ProjectionHarness.Query(
            folder.Path,
            "SELECT ack_id, game_id, accepted, trade_id, tick_filled FROM player_actions ORDER BY sent_seq",
            r => (r.NullableLong(0), r.NullableString(1), r.IsDBNull(2) ? (bool?)null : r.GetInt64(2) == 1, r.NullableString(3), r.NullableLong(4)));
    }

    [Fact]
    public async Task A_trade_seen_before_the_acks_goes_to_the_request_the_acks_accept()
    {
        var head = new[] { PlayerUpdate(), Game(GameA, 10), Buy(1), Buy(2) };
        var refused = Ack(1, """{"success":false,"reason":"insufficient cash"}""");
        var accepted = Ack(2, """{"success":true}""");
        var trade = Trade("t-2", GameA, 11);

        var acksFirst = await ActionsAsync([.. head, refused, accepted, trade]);
        var tradeFirst = await ActionsAsync([.. head, trade, refused, accepted]);

        Assert.Equal([(1L, GameA, false, null, null), (2L, GameA, true, "t-2", 11L)], acksFirst);
        Assert.Equal(acksFirst, tradeFirst);
    }

    [Fact]
    public async Task A_trade_an_ack_names_is_released_by_the_request_that_claimed_it_in_order()
    {
        var records = new[]
        {
            PlayerUpdate(), Game(GameA, 10), Buy(1), Buy(2), Trade("t-2", GameA, 11),
            Ack(1, """{"success":false,"reason":"insufficient cash"}"""), Ack(2, """{"success":true,"tradeId":"t-2"}"""),
        };

        Assert.Equal([(1L, GameA, false, null, null), (2L, GameA, true, "t-2", 11L)], await ActionsAsync(records));
    }

    [Fact]
    public async Task An_order_sent_before_the_feed_showed_a_game_belongs_to_the_first_game_and_claims_no_later_trade()
    {
        var records = new[]
        {
            PlayerUpdate(), ImportedBuy(), Game(GameA, 10), Game(GameB, 0), Game(GameB, 3), ImportedBuy(), Trade("t-b", GameB, 4),
        };

        Assert.Equal([(null, GameA, null, null, null), (null, GameB, true, "t-b", 4L)], await ActionsAsync(records));
    }

    [Fact]
    public async Task A_sidebet_request_left_unanswered_in_one_game_does_not_take_the_sidebet_of_a_later_game()
    {
        var records = new[]
        {
            PlayerUpdate(), Game(GameA, 10), ImportedSidebet(), Game(GameB, 0), Game(GameB, 5), ImportedSidebet(), SidebetPlaced(GameB, 6),
        };

        Assert.Equal([(null, GameA, null, null, null), (null, GameB, true, null, 6L)], await ActionsAsync(records));
    }
}
