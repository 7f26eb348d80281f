using Vectra.Journal.Reading;
using Vectra.Runner.Import;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class ImportIdempotencyTests
{
    private const string Capture = """
        {"seq": 1, "ts": "2025-12-12T17:16:58.6", "event": "connect", "data": null}
        {"seq": 2, "ts": "2025-12-12T17:16:58.9", "event": "gameStateUpdate", "data": {"tickCount": 1}}
        """;

    [Fact]
    public async Task The_same_file_imported_again_even_under_another_name_adds_nothing()
    {
        using var folder = new TempFolder();
        var first = await ImportAsync(folder, "a_raw.jsonl", Capture);
        Assert.Equal(ImportOutcome.Imported, first.File.Outcome);
        File.Copy(folder.File("a_raw.jsonl"), folder.File("copy_raw.jsonl"));

        var again = await ImportFilesAsync(folder, [folder.File("a_raw.jsonl"), folder.File("copy_raw.jsonl")]);

        Assert.All(again.Files, f => Assert.Equal(ImportOutcome.AlreadyImported, f.Outcome));
        Assert.Empty(again.Records);
        using var reader = JournalReader.Open(DataOf(folder));
        Assert.Equal(3, reader.Tail);
    }

    [Fact]
    public async Task Each_import_is_its_own_session()
    {
        using var folder = new TempFolder();
        var first = await ImportAsync(folder, "a_raw.jsonl", Capture);
        var second = await ImportAsync(folder, "b_raw.jsonl", Capture + "\n");

        Assert.NotEqual(first.Records[0].Session, second.Records[0].Session);
        Assert.Single(second.Records.Select(r => r.Session).Distinct());
    }
}
