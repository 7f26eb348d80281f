using Microsoft.Data.Sqlite;
using Vectra.Runner.Bench;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Bench;

/// <summary>The bare loops `vectra bench append` judges the journal against are built like the journal, not tilted its way.</summary>
public sealed class AppendBaselineTests : IDisposable
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

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _folder.Dispose();
}
