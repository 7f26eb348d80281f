using Vectra.Runner.Import;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class KeySamplesImportTests
{
    private const string Rug = "{\n      \"gameId\": \"20260206-00\",\n      \"rugged\": true\n    }";
    private const string Trade = "[{\"__trace\": true}, {\"id\": \"7c10\", \"type\": \"buy\"}]";

    private static readonly string Document = $$"""
        {
          "10_rug_event": {
            "_meta": {"index": 1305, "phase": "RUGGED"},
            "event_type": "gameStateUpdate",
            "timestamp_ms": 1770365137349,
            "data": {{Rug}}
          },
          "06_trade_buy": {
            "_meta": {"index": 587},
            "event_type": "standard/newTrade",
            "timestamp_ms": 1770365083429,
            "data": {{Trade}}
          },
          "99_broken": {"_meta": {"index": 2}, "event_type": "gameStateUpdate"}
        }
        """;

    [Fact]
    public async Task Entries_go_in_feed_order_with_their_data_bytes_and_the_five_hour_skew_undone()
    {
        using var folder = new TempFolder();
        var imported = await ImportAsync(folder, "key-samples.json", Document);

        Assert.Equal(ImportFormat.KeySamples, imported.File.Format);
        Assert.Equal(["standard/newTrade", "gameStateUpdate"], imported.Frames.Select(r => r.Event));
        Assert.Equal(Utf8(Trade), imported.Frames[0].Args);
        Assert.Equal(Utf8($"[{Rug}]"), imported.Frames[1].Args);
        Assert.Equal(3, imported.File.Lines);
        Assert.Equal(1, imported.File.Skipped);
        // utcnow().timestamp() on an EST machine: 1770365137349 ms read back as EST wall time is the UTC time, 5 h earlier.
        Assert.Equal((1_770_365_137_349L - 5 * 3_600_000L) * 1000, imported.Frames[1].Ts);
    }
}
