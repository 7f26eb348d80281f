using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Vectra.Runner.Bench;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Bench;

/// <summary>The bare loops `vectra bench append` judges the journal against are built like the journal, not tilted its way.</summary>
public sealed partial class AppendBaselineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_bare_insert_loop_writes_a_file_with_the_journals_page_size_pragmas_and_table()
    {
        var path = _folder.File("bare.db");
        var args = "[\"bench\",\"xxxxxxxx\"]"u8.ToArray();

        var result = BareInsertLoop.Run(path, args, rows: 250, rowsPerTransaction: 100, "bare");

        Assert.Equal(250, result.Operations);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        Assert.Equal(16384L, Scalar(connection, "PRAGMA page_size"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(2L, Scalar(connection, "PRAGMA auto_vacuum")); // incremental, as the journal
        Assert.Equal(250L, Scalar(connection, "SELECT count(*) FROM journal WHERE args = x'" + Convert.ToHexString(args) + "'"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'journal_ts'"));
    }

    [Fact]
    public void The_raw_sync_loop_rewrites_a_preallocated_file_without_growing_it()
    {
        var path = _folder.File("raw.bin");
        const int recordBytes = 1 << 20;

        // 40 writes of 1 MB pass the 16 MB file's end twice: they wrap to its start.
        var result = RawSyncLoop.Run(path, operations: 40, recordBytes);

        Assert.Equal(40, result.Operations);
        Assert.Equal(RawSyncLoop.FileBytes, new FileInfo(path).Length);
    }

    [Fact]
    public async Task The_journals_commits_sync_its_log_with_fsync_the_call_the_raw_fsync_loop_makes()
    {
        var trace = _folder.File("strace.log");
        var lines = await StracedVectra.RunAsync(trace, "openat,close,fsync,fdatasync",
            "bench", "append", "--events", "40", "--durability", "always", "--data", _folder.File("bench"));
        var opened = Array.FindIndex(lines, l => l.Contains("/journal/journal.db-wal\"", StringComparison.Ordinal) && Returned().IsMatch(l));
        Assert.True(opened >= 0, "the journal's write-ahead log was never opened");
        var fd = Returned().Match(lines[opened]).Groups[1].Value;
        var closed = Array.FindIndex(lines, opened + 1, l => l.Contains($"close({fd})", StringComparison.Ordinal));
        var whileOpen = lines[(opened + 1)..(closed < 0 ? lines.Length : closed)];
        var fsyncs = whileOpen.Count(l => l.Contains($" fsync({fd})", StringComparison.Ordinal));
        // If a later SQLite build syncs its log with fdatasync, the fdatasync loop is the like-for-like floor again.
        Assert.True(fsyncs >= 40, $"the journal's log (fd {fd}) had {fsyncs} fsync calls for 40 always appends");
        Assert.DoesNotContain(whileOpen, l => l.Contains($"fdatasync({fd})", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"= (\d+)$")]
    private static partial Regex Returned();

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _folder.Dispose();
}
