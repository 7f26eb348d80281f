using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Journal;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cli;

/// <summary>The journal commands, run as the real executable against real files.</summary>
public class JournalCommandsTests
{
    private static readonly Guid Session = Guid.Parse("0b6f3b9e-91a4-4a38-9a5e-3c1b2e7d8f00");

    private static async Task<TempFolder> JournalWith(int records)
    {
        var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.File("data"), Durability.Batch);
        await writer.AppendBatchAsync(Enumerable.Range(1, records).Select(n =>
            NewRecord.FromText(n % 3 == 0 ? "standard/newTrade" : "gameStateUpdate",
                n % 3 == 0 ? $"[{{\"__trace\":true}},{{\"id\":\"t{n}\",\"price\":1.0}}]" : $"[{{\"tickCount\":{n},\"name\":\"caf\\u00e9 ☕\"}}]",
                1_765_000_000_000_000L + n * 250_123L, Session, 1, "live")).ToArray());
        return folder;
    }

    [Fact]
    public async Task Verify_is_clean_on_a_sound_journal_and_exits_1_naming_a_record_changed_with_sql()
    {
        using var folder = await JournalWith(300);
        var clean = await VectraProcess.RunAsync("verify", "--data", folder.File("data"));
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("clean", clean.Stdout);

        using (var connection = new SqliteConnection($"Data Source={folder.File("data/journal.db")};Pooling=False"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE journal SET args = CAST(replace(CAST(args AS TEXT), 'tickCount\":250', 'tickCount\":251') AS BLOB) WHERE seq = 250";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        var found = await VectraProcess.RunAsync("verify", "--data", folder.File("data"));
        Assert.Equal(1, found.ExitCode);
        Assert.Contains("meta_seq 250", found.Stdout);
        var json = await VectraProcess.RunAsync("verify", "--json", "--data", folder.File("data"));
        Assert.Equal(1, json.ExitCode);
        using var report = JsonDocument.Parse(json.Stdout);
        Assert.False(report.RootElement.GetProperty("clean").GetBoolean());
        Assert.Equal([250L], report.RootElement.GetProperty("badChecksums").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public async Task Export_import_into_an_empty_journal_and_export_again_gives_byte_identical_files()
    {
        using var folder = await JournalWith(500);
        var first = await VectraProcess.RunAsync("journal", "export", "--data", folder.File("data"), "--out", folder.File("first.jsonl"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var imported = await VectraProcess.RunAsync("journal", "import", folder.File("first.jsonl"), "--data", folder.File("copy"));
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("imported 500 records", imported.Stdout);
        var second = await VectraProcess.RunAsync("journal", "export", "--data", folder.File("copy"), "--out", folder.File("second.jsonl"));
        Assert.True(second.ExitCode == 0, second.ToString());

        Assert.Equal(await File.ReadAllBytesAsync(folder.File("first.jsonl")), await File.ReadAllBytesAsync(folder.File("second.jsonl")));
        var again = await VectraProcess.RunAsync("journal", "import", folder.File("first.jsonl"), "--data", folder.File("copy"));
        Assert.Contains("imported 0 records (500 already present)", again.Stdout);
    }

    [Fact]
    public async Task Export_writes_the_keys_in_order_with_microsecond_utc_times_and_a_seq_range()
    {
        using var folder = await JournalWith(10);
        var result = await VectraProcess.RunAsync("journal", "export", "--from", "3", "--to", "4", "--data", folder.File("data"));
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(
            "{\"meta_seq\":3,\"meta_ts\":\"2025-12-06T05:46:40.750369Z\",\"meta_session\":\"0b6f3b9e-91a4-4a38-9a5e-3c1b2e7d8f00\",\"meta_conn\":1,\"meta_source\":\"live\",\"event\":\"standard/newTrade\",\"args\":[{\"__trace\":true},{\"id\":\"t3\",\"price\":1.0}]}",
            lines[0]);
        Assert.StartsWith("{\"meta_seq\":4,", lines[1]);
        Assert.EndsWith("\"args\":[{\"tickCount\":4,\"name\":\"caf\\u00e9 ☕\"}]}", lines[1]);
    }

    [Fact]
    public async Task Status_reports_counts_seqs_times_size_sessions_and_policy()
    {
        using var folder = await JournalWith(42);
        var result = await VectraProcess.RunAsync("status", "--json", "--data", folder.File("data"));
        Assert.True(result.ExitCode == 0, result.ToString());
        var status = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(42, status.GetProperty("records").GetInt64());
        Assert.Equal(1, status.GetProperty("firstSeq").GetInt64());
        Assert.Equal(42, status.GetProperty("lastSeq").GetInt64());
        Assert.Equal("2025-12-06T05:46:40.250123Z", status.GetProperty("firstTs").GetString());
        Assert.True(status.GetProperty("bytesOnDisk").GetInt64() > 0);
        Assert.Equal("batch", status.GetProperty("durability").GetString());
        Assert.Equal(Session.ToString(), status.GetProperty("sessions")[0].GetProperty("session").GetString());

        var text = await VectraProcess.RunAsync("status", "--data", folder.File("data"));
        Assert.Contains("records     42", text.Stdout);
    }

    [Fact]
    public async Task A_second_writing_process_fails_at_once_naming_the_process_that_holds_the_journal()
    {
        using var folder = await JournalWith(5);
        // `journal import -` holds the writer lock while it waits on stdin.
        using var holder = Process.Start(VectraProcess.StartInfo("journal", "import", "-", "--data", folder.File("data")))!;
        try
        {
            var owner = folder.File("data/journal.owner");
            var deadline = Stopwatch.StartNew();
            while (!(File.Exists(owner) && File.ReadAllText(owner).Contains($"process {holder.Id}")) && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }
            Assert.True(File.Exists(owner) && File.ReadAllText(owner).Contains($"process {holder.Id}"), $"the holder (process {holder.Id}) did not take the writer lock within 60 s");
            await File.WriteAllTextAsync(folder.File("more.jsonl"), "");
            var second = await VectraProcess.RunAsync("journal", "import", folder.File("more.jsonl"), "--data", folder.File("data"));
            Assert.Equal(3, second.ExitCode);
            Assert.Contains($"process {holder.Id}", second.Stderr);
            Assert.Contains("Only one process may write a journal", second.Stderr);

            var status = await VectraProcess.RunAsync("status", "--data", folder.File("data"));
            Assert.Equal(0, status.ExitCode);
            Assert.Contains($"process {holder.Id}", status.Stdout);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("verify --no-such-option", 2, "--no-such-option")]
    [InlineData("journal import /no/such/file.jsonl", 2, "does not exist")]
    [InlineData("journal export --from 5 --to 2", 2, "not a range")]
    [InlineData("bench append --durability sometimes", 2, "not a policy")]
    public async Task Bad_usage_exits_2_with_a_message_that_says_what_to_do(string commandLine, int exitCode, string message)
    {
        using var folder = await JournalWith(1);
        var args = commandLine.Split(' ').Concat(["--data", folder.File("data")]).ToArray();
        var result = await VectraProcess.RunAsync(args);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task Commands_on_a_folder_without_a_journal_exit_2_and_say_which_folder()
    {
        using var folder = new TempFolder();
        var result = await VectraProcess.RunAsync("verify", "--data", folder.File("nothing-here"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no journal", result.Stderr);
    }

    [Fact]
    public async Task A_torn_line_in_an_import_stops_with_its_line_number_and_keeps_the_lines_before_it()
    {
        using var folder = await JournalWith(3);
        var export = await VectraProcess.RunAsync("journal", "export", "--data", folder.File("data"));
        var lines = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await File.WriteAllTextAsync(folder.File("torn.jsonl"), lines[0] + "\n" + lines[1][..40] + lines[2] + "\n");
        var result = await VectraProcess.RunAsync("journal", "import", folder.File("torn.jsonl"), "--data", folder.File("copy"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2", result.Stderr);
        var status = await VectraProcess.RunAsync("status", "--json", "--data", folder.File("copy"));
        Assert.Equal(1, JsonDocument.Parse(status.Stdout).RootElement.GetProperty("records").GetInt64());
    }

    [Fact]
    public async Task Bench_append_reports_the_journal_and_the_raw_baselines_from_one_run()
    {
        using var folder = new TempFolder();
        var result = await VectraProcess.RunAsync("bench", "append", "--events", "300", "--payload-bytes", "256", "--durability", "batch", "--writers", "4", "--inflight", "8", "--json", "--data", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        var names = report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToArray();
        // The journal, the raw fdatasync and fsync loops, and bare SQLite at 1 row, 1,000 rows and the journal's own rows per transaction.
        Assert.Equal(6, names.Length);
        Assert.Contains("raw write+fdatasync (preallocated, rewritten)", names);
        Assert.Contains("raw write+fsync (preallocated, rewritten)", names);
        Assert.True(report.GetProperty("ackP50VsRawFsyncP50").GetDouble() > 0);
        Assert.Contains(names, name => name!.EndsWith("rows/txn (journal's mean)", StringComparison.Ordinal));
        Assert.All(report.GetProperty("results").EnumerateArray(), r => Assert.True(r.GetProperty("operations").GetInt64() > 0));
        Assert.Equal(256, report.GetProperty("argsBytes").GetInt32());
        Assert.Contains("--inflight 8", report.GetProperty("command").GetString());
        Assert.Empty(Directory.GetDirectories(folder.Path));
    }

    [Fact]
    public async Task Bench_append_no_seal_names_the_journal_run_without_its_sealer()
    {
        using var folder = new TempFolder();
        var result = await VectraProcess.RunAsync("bench", "append", "--events", "50", "--durability", "always", "--no-seal", "--json", "--data", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.EndsWith(" --no-seal", report.GetProperty("command").GetString());
        Assert.Equal("vectra journal, always, 1×1 in flight, no sealer", report.GetProperty("results")[0].GetProperty("name").GetString());
        Assert.Empty(Directory.GetDirectories(folder.Path));
    }

    [Fact]
    public async Task Bench_rebuild_times_every_pass_the_requested_number_of_times_and_reports_the_best()
    {
        using var folder = new TempFolder();
        var result = await VectraProcess.RunAsync("bench", "rebuild", "--games", "3", "--repeat", "2", "--projection", "rugs", "--json", "--data", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        var results = report.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["journal read (CRC checked)", "bare Utf8JsonReader scan (in memory)", "journal read + bare scan", "vectra rebuild (rugs; exports: none)"], results.Select(r => r.GetProperty("name").GetString()));
        Assert.All(results, r => Assert.True(r.GetProperty("seconds").GetDouble() > 0));
        Assert.True(report.GetProperty("records").GetInt64() > 100);
        Assert.Equal(8, result.Stderr.Split('\n').Count(line => line.Contains(": run ") && line.Contains(" of 2")));
        Assert.Contains("--repeat 2", report.GetProperty("command").GetString());
        Assert.Empty(Directory.GetDirectories(folder.Path));

        var refused = await VectraProcess.RunAsync("bench", "rebuild", "--repeat", "0", "--data", folder.Path);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--repeat must be at least 1", refused.Stderr);
    }
}
