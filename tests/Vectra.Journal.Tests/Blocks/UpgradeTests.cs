using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>A journal written before compression (schema 1: rows only, no auto-vacuum) is read as it is and sealed in place.</summary>
public class UpgradeTests
{
    private static NewRecord Frame(int n) => TestRecords.Frame(n, conn: n % 3);

    private static long Scalar(string folder, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "journal.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Turns a fresh journal into what the writer before compression left: no blocks table, schema 1, no auto-vacuum.</summary>
    private static async Task<TempFolder> SchemaOneJournal(int records)
    {
        var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, records).Select(Frame).ToArray());
        }
        using var connection = new SqliteConnection($"Data Source={folder.File("journal.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE journal_blocks; UPDATE journal_meta SET value = '1' WHERE key = 'schema_version'; PRAGMA auto_vacuum = NONE; VACUUM;";
        command.ExecuteNonQuery();
        return folder;
    }

    [Fact]
    public async Task A_schema_one_journal_is_read_then_sealed_in_place_by_a_writer()
    {
        using var folder = await SchemaOneJournal(3000);
        Assert.Equal(0, Scalar(folder.Path, "SELECT count(*) FROM sqlite_master WHERE name = 'journal_blocks'"));
        using (var reader = JournalReader.Open(folder.Path))
        {
            Assert.Equal(3000, reader.ReadSeqRange(1, long.MaxValue).Count());
            Assert.Equal((0L, 3000L), (reader.Figures().BlockRecords, reader.Figures().TailRecords));
        }

        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, Sealing.Every(tail: 500, block: 250)))
        {
            Assert.True((await Sealing.UntilSealedAsync(folder.Path, 2500)).BlockRecords >= 2500);
            Assert.Equal(3001, await writer.AppendAsync(Frame(3001)));
        }
        Assert.Equal(Storage.JournalSchema.Version, Scalar(folder.Path, "SELECT value FROM journal_meta WHERE key = 'schema_version'"));
        using (var reader = JournalReader.Open(folder.Path))
        {
            var all = reader.ReadSeqRange(1, long.MaxValue).ToArray();
            Assert.Equal(3001, all.Length);
            Assert.All(all, r => Assert.True(r.SameAs(Frame((int)r.Seq).At(r.Seq))));
        }
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);
    }

    [Fact]
    public async Task Compact_turns_on_incremental_auto_vacuum_for_a_schema_one_journal_and_shrinks_it()
    {
        using var folder = await SchemaOneJournal(3000);
        Assert.Equal(0, Scalar(folder.Path, "PRAGMA auto_vacuum"));
        var before = new FileInfo(folder.File("journal.db")).Length;

        var result = JournalCompactor.Compact(folder.Path, new SealPolicy { BlockRecords = 1000 });

        Assert.Equal((3L, 3000L), (result.BlocksWritten, result.RecordsSealed));
        Assert.Equal(2, Scalar(folder.Path, "PRAGMA auto_vacuum"));
        var after = new FileInfo(folder.File("journal.db")).Length;
        Assert.True(after * 3 < before, $"journal.db went from {before} to {after} bytes");
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);
    }

    [Fact]
    public async Task A_journal_from_a_newer_schema_is_refused_with_a_clear_message()
    {
        using var folder = await SchemaOneJournal(10);
        Scalar(folder.Path, "UPDATE journal_meta SET value = '4' WHERE key = 'schema_version'; SELECT 0");
        var error = Assert.Throws<JournalInputException>(() => JournalWriter.Open(folder.Path, Durability.Batch));
        Assert.Contains("schema 4", error.Message);
    }
}
