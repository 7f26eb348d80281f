using System.Text.Json;
using Vectra.Journal;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cli;

/// <summary>
/// <c>vectra journal import</c> skips fsyncs only where a crash could lose nothing but the import itself, and a
/// close whose checkpoint a reader keeps busy is reported, with every record still there.
/// </summary>
public class JournalImportDurabilityTests
{
    private static readonly Guid Session = Guid.Parse("2d0f4c7e-8a41-4f3b-b5c2-7e9a0d1c3b55");

    private static async Task<string> RecordedPolicy(string data)
    {
        var status = await VectraProcess.RunAsync("status", "--json", "--data", data);
        Assert.True(status.ExitCode == 0, status.ToString());
        using var json = JsonDocument.Parse(status.Stdout);
        return json.RootElement.GetProperty("durability").GetString()!;
    }

    [Fact]
    public async Task Import_uses_none_only_into_an_empty_journal_batch_into_one_holding_records_and_reports_a_busy_checkpoint_at_close()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.File("source"), Durability.Batch))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 300).Select(n => NewRecord.FromText(
                "gameStateUpdate", $"[{{\"tickCount\":{n}}}]", 1_765_000_000_000_000L + n * 250_000L, Session, 1, "live")).ToArray());
        }
        var export = await VectraProcess.RunAsync("journal", "export", "--data", folder.File("source"), "--out", folder.File("all.jsonl"));
        Assert.True(export.ExitCode == 0, export.ToString());
        File.WriteAllLines(folder.File("head.jsonl"), File.ReadLines(folder.File("all.jsonl")).Take(100));

        var first = await VectraProcess.RunAsync("journal", "import", folder.File("head.jsonl"), "--data", folder.File("data"));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("durability: none (a new, empty journal", first.Stderr);
        Assert.Equal("none", await RecordedPolicy(folder.File("data")));

        var reader = JournalReader.Open(folder.File("data"));
        using var snapshot = reader.ReadSeqRange(1, 100).GetEnumerator();
        Assert.True(snapshot.MoveNext());
        // The reader's open statement holds a snapshot older than anything the import appends.
        var second = await VectraProcess.RunAsync("journal", "import", folder.File("all.jsonl"), "--data", folder.File("data"));
        snapshot.Dispose();
        reader.Dispose();
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("imported 200 records (100 already present)", second.Stdout);
        Assert.Contains("durability: batch (the journal already holds records", second.Stderr);
        Assert.Contains("checkpoint at close was busy", second.Stderr);
        Assert.Equal("batch", await RecordedPolicy(folder.File("data")));

        var verify = await VectraProcess.RunAsync("verify", "--json", "--data", folder.File("data"));
        Assert.True(verify.ExitCode == 0, verify.ToString());
        using var report = JsonDocument.Parse(verify.Stdout);
        Assert.Equal(300, report.RootElement.GetProperty("recordsChecked").GetInt64());
    }
}
