using System.Text;
using Vectra.Projections.Rugs.Trades;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>The trade scanner reads what a parsed document would: the last argument's fields, escapes decoded.</summary>
public sealed class TradeScannerTests
{
    private static TradeRow? Read(string args) => new TradeScanner().Read(Encoding.UTF8.GetBytes(args));

    [Fact]
    public void Reads_every_field_of_the_payload_after_a_trace_argument()
    {
        var trade = Read("""[{"__trace":true,"id":"not-this"},{"id":"t-1","gameId":"20251212-0a2e994192260d16","playerId":"did:privy:x","username":"Rin\u00e9 \"R\"","type":"sell","amount":0.364216811,"price":1.253915262827203,"qty":2.5e-1,"tickIndex":4,"leverage":2,"coin":"solana"}]""");

        Assert.Equal(new TradeRow("t-1", "20251212-0a2e994192260d16", "did:privy:x", "Riné \"R\"", "sell", 0.364216811, 1.253915262827203, 0.25, 4, 2), trade);
    }

    [Fact]
    public void Missing_and_mistyped_fields_are_null_and_whitespace_around_the_arguments_is_allowed()
    {
        var trade = Read("""  [ {"id":"t-2","gameId":null,"amount":"12","tickIndex":7} ]  """);

        Assert.Equal(new TradeRow("t-2", null, null, null, null, null, null, null, 7, null), trade);
    }

    [Theory]
    [InlineData("""[{"no":"id"}]""")]
    [InlineData("""[{"id":12}]""")]
    [InlineData("""["a text payload"]""")]
    public void A_payload_without_a_string_id_is_refused(string args) =>
        Assert.Contains("no string id", Assert.Throws<InvalidDataException>(() => Read(args)).Message);

    [Fact]
    public void Consecutive_texts_that_differ_only_by_an_escape_are_read_apart()
    {
        var scanner = new TradeScanner();

        var first = scanner.Read(Encoding.UTF8.GetBytes("""[{"id":"1","type":"a\\nb"}]"""));
        var second = scanner.Read(Encoding.UTF8.GetBytes("""[{"id":"2","type":"a\nb"}]"""));

        Assert.Equal("a\\nb", first!.Type);
        Assert.Equal("a\nb", second!.Type);
    }

    [Fact]
    public void A_frame_without_arguments_has_no_trade() => Assert.Null(Read("[]"));
}
