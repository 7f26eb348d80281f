using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Verification;

/// <summary>
/// The checksum covers meta_session as stored, so a changed letter case in the stored text is damage; journals
/// written before that (checksummed over the parsed GUID) still verify, and catch the same change by its spelling.
/// </summary>
public class SessionChecksumTests
{
    private static async Task<TempFolder> JournalOf(int first, int last, TempFolder? folder = null)
    {
        folder ??= new TempFolder();
        using var writer = JournalWriter.Open(folder.Path, Durability.Batch);
        await writer.AppendBatchAsync(Enumerable.Range(first, last - first + 1).Select(n => TestRecords.Frame(n)).ToArray());
        return folder;
    }

    private static SqliteConnection Open(TempFolder folder)
    {
        var connection = new SqliteConnection($"Data Source={folder.File("journal.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Flips the letter case of the first hex letter of record <paramref name="seq"/>'s stored session text, in the real file.</summary>
    private static void FlipOneHexDigitsCase(TempFolder folder, long seq)
    {
        using var connection = Open(folder);
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT session FROM journal WHERE seq = $s";
        read.Parameters.AddWithValue("$s", seq);
        var text = ((string)read.ExecuteScalar()!).ToCharArray();
        var at = Array.FindIndex(text, char.IsAsciiLetterLower);
        text[at] = char.ToUpperInvariant(text[at]);
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE journal SET session = $t WHERE seq = $s";
        write.Parameters.AddWithValue("$t", new string(text));
        write.Parameters.AddWithValue("$s", seq);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    /// <summary>
    /// Turns a journal into one written before the stored-bytes checksum: every crc recomputed by the first
    /// definition (session as 16 GUID bytes), and no record of which seq the new definition starts at.
    /// </summary>
    private static void MakeLegacy(TempFolder folder)
    {
        using var connection = Open(folder);
        using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT seq, ts, session, conn, source, event, args FROM journal";
        var crcs = new List<(long Seq, uint Crc)>();
        using (var reader = rows.ExecuteReader())
        {
            while (reader.Read())
            {
                crcs.Add((reader.GetInt64(0), RecordChecksum.ComputeLegacy(reader.GetInt64(0), reader.GetInt64(1), Guid.Parse(reader.GetString(2)), reader.GetInt32(3),
                    System.Text.Encoding.UTF8.GetBytes(reader.GetString(4)), System.Text.Encoding.UTF8.GetBytes(reader.GetString(5)), reader.GetFieldValue<byte[]>(6))));
            }
        }
        foreach (var (seq, crc) in crcs)
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE journal SET crc = $c WHERE seq = $s";
            update.Parameters.AddWithValue("$c", (long)crc);
            update.Parameters.AddWithValue("$s", seq);
            update.ExecuteNonQuery();
        }
        using var forget = connection.CreateCommand();
        forget.CommandText = $"DELETE FROM journal_meta WHERE key = '{ChecksumScheme.MetaKey}'";
        Assert.Equal(1, forget.ExecuteNonQuery());
    }

    [Fact]
    public async Task A_flipped_letter_case_in_one_records_stored_session_is_named_by_verify_and_refused_by_reads()
    {
        using var folder = await JournalOf(1, 50);
        FlipOneHexDigitsCase(folder, 17);

        var report = JournalVerifier.Verify(folder.Path);
        Assert.Equal([17L], report.BadChecksums);
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(17, Assert.Throws<JournalCorruptException>(() => reader.ReadSeqRange(1, 50).ToList()).Seq);
    }

    [Fact]
    public async Task A_journal_written_before_the_stored_bytes_checksum_verifies_clean_catches_the_same_flip_and_takes_new_records_under_the_new_one()
    {
        using var folder = await JournalOf(1, 40);
        MakeLegacy(folder);
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);

        await JournalOf(41, 60, folder);
        var report = JournalVerifier.Verify(folder.Path);
        Assert.True(report.Clean, string.Join("; ", report.IntegrityProblems) + string.Join(",", report.BadChecksums));
        Assert.Equal(60, report.RecordsChecked);
        using (var reader = JournalReader.Open(folder.Path))
        {
            Assert.Equal(60, reader.ReadSeqRange(1, 60).Count());
        }

        FlipOneHexDigitsCase(folder, 5);
        FlipOneHexDigitsCase(folder, 50);
        Assert.Equal([5L, 50L], JournalVerifier.Verify(folder.Path).BadChecksums);
    }
}
