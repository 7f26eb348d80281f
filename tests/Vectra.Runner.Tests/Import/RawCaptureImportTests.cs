using Vectra.Runner.Import;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class RawCaptureImportTests
{
    private const string Trade = """[{"__trace": true, "traceparent": "00-ab-cd-01"}, {"id": "t1", "username": "caf\u00e9 ☕ 🚀", "price": 1.0}]""";
    private const string Tick = """{"gameId": "20251212-aa", "tickCount": 7, "note": "日本"}""";

    private static readonly string Capture = string.Join('\n',
        """{"seq": 1, "ts": "2025-12-12T17:16:58.624285", "event": "connect", "data": null}""",
        $$"""{"seq": 2, "ts": "2025-12-12T17:16:58.952637", "event": "gameStateUpdate", "data": {{Tick}}}""",
        $$"""{"seq": 3, "ts": "2025-12-12T17:17:00.118810", "event": "standard/newTrade", "data": {{Trade}}}""",
        """{"seq": 4, "ts": "2025-12-12T17:17:00.2", "event": "gameStateUpdate", "data": {"gameId": "20251212-aa", "tick""",
        """{"seq": 5, "ts": "2025-12-12T17:17:00.3", "event": "gameStateUpdate", "data": [1, 2]}{"seq": 6""",
        "a note somebody typed into the file",
        "",
        """{"seq": 7, "ts": "2025-12-12T17:17:01", "event": "newChatMessage", "data": [{"other": 1}, {"message": "hi"}]}""") + "\n";

    [Fact]
    public async Task Frames_keep_their_data_bytes_a_trace_and_payload_pair_is_two_args_and_connect_is_a_system_record()
    {
        using var folder = new TempFolder();
        var imported = await ImportAsync(folder, "2025-12-12_17-16-58_raw.jsonl", Capture);

        Assert.Equal(["$connection.open", "gameStateUpdate", "standard/newTrade", "newChatMessage", "$import"], imported.Records.Select(r => r.Event));
        var frames = imported.Frames;
        Assert.Equal(Utf8("[" + """{"seq": 1, "ts": "2025-12-12T17:16:58.624285", "event": "connect", "data": null}""" + "]"), frames[0].Args);
        Assert.Equal(0, frames[0].Conn);
        Assert.Equal(Utf8("[" + Tick + "]"), frames[1].Args);
        Assert.Equal(Utf8(Trade), frames[2].Args);
        Assert.Equal(Utf8("""[[{"other": 1}, {"message": "hi"}]]"""), frames[3].Args);
        Assert.All(frames.Skip(1), r => Assert.Equal(1, r.Conn));
        Assert.All(imported.Records, r => Assert.Equal("import:raw-capture", r.Source));
        Assert.Single(imported.Records.Select(r => r.Session).Distinct());
    }

    [Fact]
    public async Task Torn_lines_and_notes_are_skipped_and_counted_in_the_import_receipt()
    {
        using var folder = new TempFolder();
        var imported = await ImportAsync(folder, "capture_raw.jsonl", Capture);

        Assert.Equal(7, imported.File.Lines);
        Assert.Equal(3, imported.File.Skipped);
        var receipt = imported.Receipt.ArgsText;
        Assert.Contains("\"format\":\"raw-capture\"", receipt);
        Assert.Contains("\"lines\":7,\"skipped\":3,\"records\":4", receipt);
        Assert.Contains($"\"sha256\":\"{imported.File.Sha256}\"", receipt);
        Assert.Equal(0, imported.Receipt.Conn);
    }

    [Fact]
    public async Task Naive_times_are_read_as_us_eastern_and_stored_as_utc_microseconds()
    {
        using var folder = new TempFolder();
        var imported = await ImportAsync(folder, "capture_raw.jsonl", Capture);

        Assert.Equal(Micros("2025-12-12T22:16:58.624285Z"), imported.Frames[0].Ts);
        Assert.Equal(Micros("2025-12-12T22:17:01.000000Z"), imported.Frames[3].Ts);
        using var other = new TempFolder();
        var utc = await ImportAsync(other, "capture_raw.jsonl", Capture, zone: "UTC");
        Assert.Equal(Micros("2025-12-12T17:16:58.624285Z"), utc.Frames[0].Ts);
    }

    [Fact]
    public async Task A_pretty_printed_single_frame_document_is_one_record_with_its_data_bytes_as_written()
    {
        using var folder = new TempFolder();
        const string data = "{\n    \"id\": \"did:privy:x\",\n    \"cash\": 0.5\n  }";
        var imported = await ImportAsync(folder, "seq_193_playerUpdate.json", "{\n  \"seq\": 193,\n  \"ts\": \"2025-12-17T21:35:05.916212\",\n  \"event\": \"playerUpdate\",\n  \"data\": " + data + "\n}\n");

        Assert.Equal(ImportFormat.RawCapture, imported.File.Format);
        var frame = Assert.Single(imported.Frames);
        Assert.Equal("playerUpdate", frame.Event);
        Assert.Equal(Utf8("[" + data + "]"), frame.Args);
    }
}
