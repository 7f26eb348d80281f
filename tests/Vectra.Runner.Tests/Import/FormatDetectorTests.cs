using Vectra.Runner.Import;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class FormatDetectorTests
{
    [Theory]
    [InlineData("""{"meta_seq":1,"meta_ts":"2025-12-12T22:16:58Z","event":"x","args":[]}""", "journal")]
    [InlineData("""{"seq": 1, "ts": "2025-12-12T17:16:58.6", "event": "connect", "data": null}""", "raw-capture")]
    [InlineData("""{"timestamp": "2025-12-06T19:57:10", "event_type": "gameStateUpdate", "data": {}}""", "ws-samples")]
    [InlineData("""{"seq": 1, "ts": "2025-12-17T21:35:05+00:00", "event": "x", "data": {}, "source": "cdp_intercept", "direction": "received"}""", "cdp")]
    [InlineData("""{"type": "game_start", "timestamp": "2025-10-29T18:36:08", "game_id": "g"}""", "replayer")]
    [InlineData("""{"_metadata": {"game_id": "g", "start_time": "2025-10-29T18:36:08", "version": "1.0"}}""", "replayer")]
    [InlineData("{\n  \"a\": {\"_meta\": {}, \"event_type\": \"x\", \"timestamp_ms\": 1, \"data\": {}}\n}", "key-samples")]
    [InlineData("{\n  \"seq\": 1,\n  \"ts\": \"2025-12-17T21:35:05\",\n  \"event\": \"x\",\n  \"data\": {}\n}", "raw-capture")]
    public void The_first_readable_line_or_the_document_tells_the_format(string content, string expected) =>
        Assert.Equal(expected, FormatDetector.Detect(Utf8(content))?.Name);

    [Fact]
    public void A_torn_first_line_does_not_hide_the_format() =>
        Assert.Equal(ImportFormat.Replayer, FormatDetector.Detect(Utf8("{\"type\": \"tick\", \"times\n{\"type\": \"tick\", \"timestamp\": \"2025-10-29T18:36:08\"}\n")));

    [Theory]
    [InlineData("[\n  {\"gameId\": \"g\", \"rugpool\": {}}\n]")]
    [InlineData("{\n  \"total_samples\": 597,\n  \"fields\": {\"id\": {\"types\": [\"str\"]}}\n}")]
    [InlineData("# notes\nnothing here")]
    [InlineData("")]
    public void Analysis_files_and_text_are_no_recording(string content) =>
        Assert.Null(FormatDetector.Detect(Utf8(content)));
}
