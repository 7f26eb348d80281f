using Vectra.Runner.Import;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class JournalFormatImportTests
{
    private const string First = """{"meta_seq":7,"meta_ts":"2025-12-12T22:16:58.123456Z","meta_session":"0b6f3b9e-91a4-4a38-9a5e-3c1b2e7d8f00","meta_conn":2,"meta_source":"live","event":"standard/newTrade","args":[{"__trace":true},{"id":"t1","name":"caf\u00e9 ☕"}]}""";
    private const string Second = """{"meta_seq":8,"meta_ts":"2025-12-12T22:16:58.373456Z","meta_session":"0b6f3b9e-91a4-4a38-9a5e-3c1b2e7d8f00","meta_conn":2,"meta_source":"live","event":"gameStateUpdate","args":[{"tickCount":1}]}""";

    [Fact]
    public async Task Records_keep_every_field_but_meta_seq_and_are_appended_at_the_end_with_torn_lines_skipped()
    {
        using var folder = new TempFolder();
        await ImportAsync(folder, "earlier_raw.jsonl", """{"seq": 1, "ts": "2025-12-12T17:00:00", "event": "gameStateUpdate", "data": {}}""" + "\n");
        var imported = await ImportAsync(folder, "export.jsonl", $"{First}\n{Second[..40]}\n{Second}\n");

        Assert.Equal(ImportFormat.Journal, imported.File.Format);
        Assert.Equal(1, imported.File.Skipped);
        var frames = imported.Frames;
        Assert.Equal([3L, 4L], frames.Select(r => r.Seq));
        Assert.Equal(Utf8("""[{"__trace":true},{"id":"t1","name":"caf\u00e9 ☕"}]"""), frames[0].Args);
        Assert.All(frames, r =>
        {
            Assert.Equal(Guid.Parse("0b6f3b9e-91a4-4a38-9a5e-3c1b2e7d8f00"), r.Session);
            Assert.Equal(2, r.Conn);
            Assert.Equal("live", r.Source);
        });
        Assert.Equal(Micros("2025-12-12T22:16:58.373456Z"), frames[1].Ts);
        Assert.Equal("import:journal", imported.Receipt.Source);
    }
}
