using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Journal;
using Vectra.Journal.Blocks;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cli;

/// <summary><c>vectra journal compact</c>, and what status and verify say about sealed blocks, run as the real executable.</summary>
public class JournalCompactCommandTests
{
    private static readonly Guid Session = Guid.Parse("5d0f4c2a-8a7e-4f4b-9a1c-2b3c4d5e6f70");

    private static async Task<TempFolder> RowsJournal(int records)
    {
        var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.File("data"), Durability.None, SealPolicy.Off);
        await writer.AppendBatchAsync(Enumerable.Range(1, records).Select(n =>
            NewRecord.FromText(n % 4 == 0 ? "standard/newTrade" : "gameStateUpdate",
                $"[{{\"gameId\":\"20251212-{n / 300}\",\"tickCount\":{n % 300},\"price\":{1 + n % 300 * 0.01:F2},\"rugged\":false,\"leaderboard\":[{{\"id\":\"p{n % 7}\",\"pnl\":0.{n % 1000:D3}}}]}}]",
                1_765_000_000_000_000L + n * 250_123L, Session, 1, "live")).ToArray());
        return folder;
    }

    [Fact]
    public async Task Compact_seals_every_row_shrinks_the_file_and_status_export_and_verify_agree()
    {
        using var folder = await RowsJournal(6000);
        var data = folder.File("data");
        var before = await VectraProcess.RunAsync("journal", "export", "--data", data, "--out", folder.File("before.jsonl"));
        Assert.True(before.ExitCode == 0, before.ToString());
        var bytesBefore = new FileInfo(Path.Combine(data, "journal.db")).Length;

        var compact = await VectraProcess.RunAsync("journal", "compact", "--data", data, "--block-records", "1000", "--level", "3");

        Assert.True(compact.ExitCode == 0, compact.ToString());
        Assert.Contains("sealed 6,000 records into 6 blocks", compact.Stdout);
        Assert.True(new FileInfo(Path.Combine(data, "journal.db")).Length * 5 < bytesBefore);
        var after = await VectraProcess.RunAsync("journal", "export", "--data", data, "--out", folder.File("after.jsonl"));
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(folder.File("before.jsonl")), await File.ReadAllBytesAsync(folder.File("after.jsonl")));
        var verify = await VectraProcess.RunAsync("verify", "--data", data);
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var status = await VectraProcess.RunAsync("status", "--data", data);
        Assert.Contains("sealed      6,000 records in 6 zstd blocks", status.Stdout);
        Assert.Contains("tail        0 records as rows", status.Stdout);
        var json = await VectraProcess.RunAsync("status", "--json", "--data", data);
        using var document = JsonDocument.Parse(json.Stdout);
        var storage = document.RootElement.GetProperty("storage");
        Assert.Equal(6000, storage.GetProperty("blockRecords").GetInt64());
        Assert.Equal(0, storage.GetProperty("tailRecords").GetInt64());
        Assert.True(storage.GetProperty("blockRatio").GetDouble() > 5, json.Stdout);
    }

    [Fact]
    public async Task Verify_exits_1_naming_the_seqs_of_a_damaged_block()
    {
        using var folder = await RowsJournal(3000);
        var data = folder.File("data");
        Assert.Equal(0, (await VectraProcess.RunAsync("journal", "compact", "--data", data, "--block-records", "1000")).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "journal.db")};Pooling=False"))
        {
            connection.Open();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT data FROM journal_blocks WHERE first_seq = 1001";
            var bytes = (byte[])read.ExecuteScalar()!;
            bytes[100] ^= 0x01; // one bit of the compressed data of the block holding 1001..2000
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE journal_blocks SET data = $d WHERE first_seq = 1001";
            damage.Parameters.AddWithValue("$d", bytes);
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        var verify = await VectraProcess.RunAsync("verify", "--data", data);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("meta_seq 1001-2000", verify.Stdout);
        var export = await VectraProcess.RunAsync("journal", "export", "--data", data, "--out", folder.File("out.jsonl"));
        Assert.Equal(1, export.ExitCode);
        Assert.Contains("meta_seq 1001..2000", export.Stderr);
        Assert.DoesNotContain("   at ", export.Stderr);
    }

    [Fact]
    public async Task Compact_beside_a_running_writer_exits_3_naming_it()
    {
        using var folder = await RowsJournal(10);
        using var writer = JournalWriter.Open(folder.File("data"), Durability.Batch);
        var compact = await VectraProcess.RunAsync("journal", "compact", "--data", folder.File("data"));
        Assert.Equal(3, compact.ExitCode);
        Assert.Contains("already open for writing", compact.Stderr);
    }
}
