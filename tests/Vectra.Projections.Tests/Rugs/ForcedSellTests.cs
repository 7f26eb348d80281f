using System.Text;
using Vectra.Journal.Records;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Exports;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>
/// Sells that arrive before their game's rug, some without a tick or a type: once the rug tick is learned, every trade
/// of the game gets a forced flag (never NULL), by the same rule in views.db and in the trade export.
/// </summary>
public sealed class ForcedSellTests
{
    private const string Game = "20251212-00000000000000a1";
    private const string Next = "20251212-00000000000000a2";

    private static readonly string[] Payloads =
    [
        $$"""{"gameId":"{{Game}}","active":true,"rugged":false,"tickCount":0,"price":1}""",
        $$"""{"id":"t-no-tick","gameId":"{{Game}}","playerId":"p1","type":"sell","qty":1}""",
        $$"""{"id":"t-no-type","gameId":"{{Game}}","playerId":"p1","qty":1,"tickIndex":9}""",
        $$"""{"id":"t-null-tick","gameId":"{{Game}}","playerId":"p1","type":"sell","qty":1,"tickIndex":null}""",
        $$"""{"id":"t-early-sell","gameId":"{{Game}}","playerId":"p1","type":"sell","qty":1,"tickIndex":1}""",
        $$"""{"id":"t-forced","gameId":"{{Game}}","playerId":"p1","type":"sell","qty":1,"tickIndex":2}""",
        $$"""{"gameId":"{{Game}}","active":true,"rugged":false,"tickCount":1,"price":1.1}""",
        $$"""{"gameId":"{{Game}}","active":true,"rugged":true,"tickCount":2,"price":0.01,"partialPrices":{"startTick":0,"endTick":2,"values":{"1":1.1,"2":0.01}""" + "}}",
        $$"""{"id":"t-late-no-tick","gameId":"{{Game}}","playerId":"p1","type":"sell","qty":1}""",
        $$"""{"id":"t-late-forced","gameId":"{{Game}}","playerId":"p1","type":"sell","qty":1,"tickIndex":3}""",
        $$"""{"gameId":"{{Next}}","active":false,"rugged":false,"cooldownTimer":15000,"allowPreRoundBuys":false,"tickCount":0,"price":1}""",
    ];

    private static IEnumerable<JournalRecord> Records() => Payloads.Select((payload, i) => new JournalRecord(
        0, 1_765_000_000_000_000 + (i * 250_000L), Guid.Empty, 1, "live",
        payload.Contains("\"active\"", StringComparison.Ordinal) ? "gameStateUpdate" : "standard/newTrade",
        Encoding.UTF8.GetBytes("[" + payload + "]")));

    [Fact]
    public async Task Sells_without_a_tick_or_a_type_before_the_rug_are_not_forced_and_stop_nothing()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, Records());

        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.All()))
        {
            runner.CatchUp();
            Assert.All(runner.States(), state => Assert.Equal((state.Name, (long)Payloads.Length, 0L), (state.Name, state.Checkpoint, state.Quarantined)));
        }

        var forced = ProjectionHarness.Query(folder.Path, "SELECT id, forced FROM trades ORDER BY id", r => (r.GetString(0), r.GetInt64(1)));
        Assert.Equal(
            [("t-early-sell", 0L), ("t-forced", 1L), ("t-late-forced", 1L), ("t-late-no-tick", 0L), ("t-no-tick", 0L), ("t-no-type", 0L), ("t-null-tick", 0L)],
            forced);
        var exported = ExportedRows.Read(folder.Path, "trade", TradeExport.Columns, 0);
        exported.AssertEqualToViews(folder.Path, "SELECT id, game_id, player_id, username, type, amount, price, qty, tick, leverage, forced, meta_seq, meta_ts FROM trades", TradeExport.Columns, 0);
    }
}
