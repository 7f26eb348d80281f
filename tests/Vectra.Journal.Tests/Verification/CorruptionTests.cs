using System.Text;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Verification;

/// <summary>Each test damages a real journal file one way and expects one specific finding.</summary>
public class CorruptionTests
{
    private static async Task<TempFolder> JournalOf(int records)
    {
        var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.Path, Durability.Batch);
        await writer.AppendBatchAsync(Enumerable.Range(1, records).Select(n => TestRecords.Frame(n)).ToArray());
        return folder;
    }

    private static void Sql(TempFolder folder, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={folder.File("journal.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_clean_journal_verifies_clean()
    {
        using var folder = await JournalOf(100);
        var report = JournalVerifier.Verify(folder.Path);
        Assert.True(report.Clean);
        Assert.Equal(100, report.RecordsChecked);
    }

    [Fact]
    public async Task One_changed_byte_in_one_records_args_is_named_by_verify_and_refused_by_reads()
    {
        using var folder = await JournalOf(100);
        // As a user with the sqlite3 shell would: swap one character of record 42's stored args.
        Sql(folder, "UPDATE journal SET args = CAST(replace(CAST(args AS TEXT), '\"n\":42', '\"n\":43') AS BLOB) WHERE seq = 42");

        var report = JournalVerifier.Verify(folder.Path);
        Assert.False(report.Clean);
        Assert.Equal([42L], report.BadChecksums);

        using var reader = JournalReader.Open(folder.Path);
        var error = Assert.Throws<JournalCorruptException>(() => reader.ReadSeqRange(40, 45).ToList());
        Assert.Equal(42, error.Seq);
    }

    [Theory]
    [InlineData("UPDATE journal SET event = 'gameStateUpdatf' WHERE seq = 7")]
    [InlineData("UPDATE journal SET ts = ts + 1 WHERE seq = 7")]
    [InlineData("UPDATE journal SET conn = 2 WHERE seq = 7")]
    [InlineData("UPDATE journal SET source = 'replay' WHERE seq = 7")]
    [InlineData("UPDATE journal SET session = '00000000-0000-0000-0000-000000000000' WHERE seq = 7")]
    [InlineData("UPDATE journal SET crc = crc + 1 WHERE seq = 7")]
    public async Task A_change_to_any_field_fails_that_records_checksum(string damage)
    {
        using var folder = await JournalOf(10);
        Sql(folder, damage);
        Assert.Equal([7L], JournalVerifier.Verify(folder.Path).BadChecksums);
    }

    [Fact]
    public async Task A_deleted_record_is_reported_as_a_missing_range()
    {
        using var folder = await JournalOf(10);
        Sql(folder, "DELETE FROM journal WHERE seq IN (4, 5)");
        var report = JournalVerifier.Verify(folder.Path);
        Assert.Equal([new SeqGap(4, 5)], report.MissingRanges);
        Assert.Empty(report.BadChecksums);
    }

    [Fact]
    public async Task A_flipped_byte_in_the_database_file_is_caught()
    {
        using var folder = await JournalOf(200);
        var path = folder.File("journal.db");
        var bytes = await File.ReadAllBytesAsync(path);
        var marker = Encoding.UTF8.GetBytes("{\"n\":137,");
        var at = bytes.AsSpan().IndexOf(marker);
        Assert.True(at > 0, "record 137's args are in the file");
        bytes[at + 5] ^= 0x01; // "137" becomes "037"... as raw bytes on disk, below SQLite
        await File.WriteAllBytesAsync(path, bytes);

        var report = JournalVerifier.Verify(folder.Path);
        Assert.False(report.Clean);
        Assert.Contains(137L, report.BadChecksums);
    }
}
