using System.Text;
using System.Text.Json;
using Vectra.Projections.Exports.Events;
using Vectra.Projections.Json;
using Vectra.Projections.Rugs.Payloads;
using Vectra.Projections.Rugs.Trades;

namespace Vectra.Projections.Tests.Json;

/// <summary>
/// Every payload reader takes the same argument as the payload: the game-state scanner, the trade scanner and the
/// <c>events</c> export agree with <see cref="LastArgument"/> and with a parsed document, also on odd frames
/// (a trace or a scalar after an object), where they used to follow rules of their own.
/// </summary>
public sealed class PayloadReadersAgreeTests
{
    public static TheoryData<string> OddArgs => new()
    {
        """[{"gameId":"20260101-aaaaaaaaaaaaaaaa","id":"t-a"},{"gameId":"20260101-bbbbbbbbbbbbbbbb","id":"t-b"}]""",
        """[{"gameId":"20260101-aaaaaaaaaaaaaaaa","id":"t-a"},{"__trace":true,"traceparent":"00-ab-cd-01"}]""",
        """[{"__trace":true},{"gameId":"20260101-bbbbbbbbbbbbbbbb","id":"t-b"}]""",
        """[{"gameId":"20260101-aaaaaaaaaaaaaaaa","id":"t-a"},5]""",
        """[{"gameId":"20260101-aaaaaaaaaaaaaaaa","id":"t-a"},"text"]""",
        """[{"__trace":true}]""",
        """[]""",
    };

    [Theory]
    [MemberData(nameof(OddArgs))]
    public void The_game_state_scanner_reads_the_last_argument(string args)
    {
        var fields = new GameStateFields();

        var found = new GameStateScanner().TryScan(Encoding.UTF8.GetBytes(args), fields);

        Assert.Equal(Parsed(args) is { ValueKind: JsonValueKind.Object }, found);
        Assert.Equal(ParsedGameId(args), fields.GameId);
    }

    [Theory]
    [MemberData(nameof(OddArgs))]
    public void The_events_export_keeps_the_last_argument_and_its_game_id(string args)
    {
        var payload = LastArgument.Of(Encoding.UTF8.GetBytes(args));

        Assert.Equal(Parsed(args)?.GetRawText() ?? "", Encoding.UTF8.GetString(payload.Json));
        Assert.Equal(ParsedGameId(args), EventPayload.GameId(payload));
    }

    [Theory]
    [MemberData(nameof(OddArgs))]
    public void The_trade_scanner_reads_the_last_argument(string args)
    {
        var expectedId = Parsed(args) is { ValueKind: JsonValueKind.Object } payload && payload.TryGetProperty("id", out var id) ? id.GetString() : null;
        var bytes = Encoding.UTF8.GetBytes(args);

        if (Parsed(args) is null)
        {
            Assert.Null(new TradeScanner().Read(bytes));
        }
        else if (expectedId is null)
        {
            Assert.Throws<InvalidDataException>(() => new TradeScanner().Read(bytes));
        }
        else
        {
            Assert.Equal((expectedId, ParsedGameId(args)), (new TradeScanner().Read(bytes)!.Id, new TradeScanner().Read(bytes)!.GameId));
        }
    }

    private static JsonElement? Parsed(string args)
    {
        var root = JsonDocument.Parse(args).RootElement;
        return root.GetArrayLength() == 0 ? null : root[root.GetArrayLength() - 1];
    }

    private static string? ParsedGameId(string args) =>
        Parsed(args) is { ValueKind: JsonValueKind.Object } payload && payload.TryGetProperty("gameId", out var id) ? id.GetString() : null;
}
