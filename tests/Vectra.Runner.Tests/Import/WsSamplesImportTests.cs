using Vectra.Runner.Import;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class WsSamplesImportTests
{
    [Fact]
    public async Task Event_type_names_the_event_and_data_becomes_the_args_as_in_raw_captures()
    {
        using var folder = new TempFolder();
        const string tick = """{"active": true, "price": 1.0615, "tickCount": 129, "username": "\ud83d\ude80 rocket"}""";
        const string trade = """[{"__trace": true, "traceparent": "00-99-62-01"}, {"id": "6fcc", "type": "buy"}]""";
        var content = $$"""
            {"timestamp": "2025-12-06T19:57:10.420892", "event_type": "gameStateUpdate", "data": {{tick}}}
            {"timestamp": "2025-12-06T19:57:11.057787", "event_type": "standard/newTrade", "data": {{trade}}}
            {"timestamp": "2025-12-06T19:57:11.1", "event_type": "standard/newTrade", "da
            """;
        var imported = await ImportAsync(folder, "websocket_raw_samples.jsonl", content);

        Assert.Equal(ImportFormat.WsSamples, imported.File.Format);
        Assert.Equal(["gameStateUpdate", "standard/newTrade"], imported.Frames.Select(r => r.Event));
        Assert.Equal(Utf8($"[{tick}]"), imported.Frames[0].Args);
        Assert.Equal(Utf8(trade), imported.Frames[1].Args);
        Assert.Equal(1, imported.File.Skipped);
        Assert.Equal(Micros("2025-12-07T00:57:10.420892Z"), imported.Frames[0].Ts);
        Assert.All(imported.Frames, r => Assert.Equal("import:ws-samples", r.Source));
    }
}
