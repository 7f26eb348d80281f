using Vectra.Runner.Import;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class CdpImportTests
{
    [Fact]
    public async Task Received_frames_are_feed_events_and_sent_frames_are_cdp_sent_system_records_at_their_utc_time()
    {
        using var folder = new TempFolder();
        const string update = """{"id": "did:privy:x", "cash": 0.0141}""";
        const string sent = """{"seq": 2, "ts": "2025-12-17T21:35:05.700000+00:00", "event": "buyOrder", "data": {"amount": 0.001}, "source": "cdp_intercept", "direction": "sent"}""";
        var content = $$"""
            {"seq": 1, "ts": "2025-12-17T21:35:05.644723+00:00", "event": "playerUpdate", "data": {{update}}, "source": "cdp_intercept", "direction": "received"}
            {{sent}}
            """;
        var imported = await ImportAsync(folder, "2025-12-17_cdp.jsonl", content);

        Assert.Equal(ImportFormat.Cdp, imported.File.Format);
        Assert.Equal(["playerUpdate", "$cdp.sent"], imported.Frames.Select(r => r.Event));
        Assert.Equal(Utf8($"[{update}]"), imported.Frames[0].Args);
        Assert.Equal(1, imported.Frames[0].Conn);
        Assert.Equal(Utf8($"[{sent}]"), imported.Frames[1].Args);
        Assert.Equal(0, imported.Frames[1].Conn);
        // The offset wins over --tz: +00:00 is UTC whatever zone naive times would be read in.
        Assert.Equal(Micros("2025-12-17T21:35:05.644723Z"), imported.Frames[0].Ts);
    }
}
