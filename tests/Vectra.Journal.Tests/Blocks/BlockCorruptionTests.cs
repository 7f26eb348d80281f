using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;
using ZstdSharp;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>Each test damages a sealed block one way; verify names the affected seqs and reads refuse them.</summary>
public class BlockCorruptionTests
{
    // Records 1..300 sealed as blocks 1..100, 101..200, 201..300; 301..350 stay rows.
    private static async Task<TempFolder> SealedJournal()
    {
        var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 300).Select(n => TestRecords.Frame(n)).ToArray());
        }
        JournalCompactor.Compact(folder.Path, new SealPolicy { BlockRecords = 100 });
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(Enumerable.Range(301, 50).Select(n => TestRecords.Frame(n)).ToArray());
        }
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);
        return folder;
    }

    // Records 1..300 sealed as blocks 1..100, 101..200, 201..300, and no rows: the tail is all sealed.
    private static async Task<TempFolder> FullySealedJournal()
    {
        var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 300).Select(n => TestRecords.Frame(n)).ToArray());
        }
        JournalCompactor.Compact(folder.Path, new SealPolicy { BlockRecords = 100 });
        Assert.Equal((300L, 0L), (Sealing.FiguresOf(folder.Path).BlockRecords, Sealing.FiguresOf(folder.Path).TailRecords));
        return folder;
    }

    /// <summary>Opening a writer must fail with the journal left as it was: no record appended, the damaged block untouched.</summary>
    private static void AssertWriterRefuses(TempFolder folder, long seq)
    {
        var before = DataOf(folder, 201);
        var error = Assert.Throws<JournalCorruptException>(() => JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off).Dispose());
        Assert.Equal(seq, error.Seq);
        Assert.Contains($"meta_seq {seq}", error.Message);
        Assert.Contains("nothing was written", error.Message);
        Assert.Equal(before, DataOf(folder, 201));
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(300, reader.Tail);
    }

    private static SqliteConnection Open(TempFolder folder)
    {
        var connection = new SqliteConnection($"Data Source={folder.File("journal.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static byte[] DataOf(TempFolder folder, long firstSeq)
    {
        using var connection = Open(folder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM journal_blocks WHERE first_seq = $f";
        command.Parameters.AddWithValue("$f", firstSeq);
        return (byte[])command.ExecuteScalar()!;
    }

    /// <summary>Rewrites a block's uncompressed layout as a tool that knows the format would, keeping its checksum and sizes consistent.</summary>
    private static void RewriteLayout(TempFolder folder, long firstSeq, Action<byte[]> damage)
    {
        using var decompressor = new Decompressor();
        var raw = decompressor.Unwrap(DataOf(folder, firstSeq)).ToArray();
        damage(raw);
        using var compressor = new Compressor(3);
        var data = compressor.Wrap(raw).ToArray();
        using var connection = Open(folder);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE journal_blocks SET data = $d, checksum = $c, raw_bytes = $r WHERE first_seq = $f";
        command.Parameters.AddWithValue("$d", data);
        command.Parameters.AddWithValue("$c", (long)Crc32C.Of(data));
        command.Parameters.AddWithValue("$r", raw.Length);
        command.Parameters.AddWithValue("$f", firstSeq);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static void FlipAt(byte[] bytes, ReadOnlySpan<byte> marker, int offset = 0)
    {
        var at = bytes.AsSpan().IndexOf(marker);
        Assert.True(at >= 0, "the marker is in the bytes");
        Assert.Equal(-1, bytes.AsSpan(at + 1).IndexOf(marker));
        bytes[at + offset] ^= 0x01;
    }

    [Fact]
    public async Task A_flipped_byte_in_a_blocks_compressed_data_names_the_blocks_seqs()
    {
        using var folder = await SealedJournal();
        var data = DataOf(folder, 101);
        data[data.Length / 2] ^= 0x01;
        using (var connection = Open(folder))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE journal_blocks SET data = $d WHERE first_seq = 101";
            command.Parameters.AddWithValue("$d", data);
            command.ExecuteNonQuery();
        }

        var report = JournalVerifier.Verify(folder.Path);
        Assert.False(report.Clean);
        var damaged = Assert.Single(report.DamagedBlocks);
        Assert.Equal((101L, 200L), (damaged.FirstSeq, damaged.LastSeq));
        Assert.Contains("checksum", damaged.Reason);
        Assert.Empty(report.MissingRanges);

        using var reader = JournalReader.Open(folder.Path);
        var read = new List<long>();
        var error = Assert.Throws<JournalCorruptException>(() =>
        {
            foreach (var record in reader.ReadSeqRange(90, 120))
            {
                read.Add(record.Seq);
            }
        });
        Assert.Equal(101, error.Seq);
        Assert.Contains("101..200", error.Message);
        Assert.Equal(Enumerable.Range(90, 11).Select(n => (long)n), read);
        Assert.Equal(100, reader.ReadSeqRange(201, 300).Count());
    }

    [Fact]
    public async Task A_flipped_byte_on_disk_inside_a_block_is_caught()
    {
        using var folder = await SealedJournal();
        var data = DataOf(folder, 201);
        var path = folder.File("journal.db");
        var bytes = await File.ReadAllBytesAsync(path);
        // Similar records compress to similar bytes: take a stretch of this block's data found once in the file.
        var fragment = Enumerable.Range(0, data.Length / 32).Select(i => data.AsSpan(data.Length - 32 * (i + 1), 32).ToArray())
            .First(f => bytes.AsSpan().IndexOf(f) is var at and >= 0 && bytes.AsSpan(at + 1).IndexOf(f) < 0);
        FlipAt(bytes, fragment, offset: 10);
        await File.WriteAllBytesAsync(path, bytes);

        var report = JournalVerifier.Verify(folder.Path);
        Assert.Equal([new DamagedBlock(201, 300, report.DamagedBlocks.Single().Reason)], report.DamagedBlocks);
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(201, Assert.Throws<JournalCorruptException>(() => reader.ReadSeqRange(1, long.MaxValue).ToList()).Seq);
    }

    [Fact]
    public async Task A_flipped_byte_in_a_blocks_record_index_fails_that_records_checksum()
    {
        using var folder = await SealedJournal();
        // Record 150's stored CRC32C sits in the block's CRC column; change one bit of it.
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, TestRecords.Frame(150).At(150).Checksum);
        var marker = crc.ToArray();
        RewriteLayout(folder, 101, raw => FlipAt(raw, marker));

        var report = JournalVerifier.Verify(folder.Path);
        Assert.Equal([150L], report.BadChecksums);
        Assert.Empty(report.DamagedBlocks);
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(150, Assert.Throws<JournalCorruptException>(() => reader.ReadSeqRange(101, 200).ToList()).Seq);
    }

    [Fact]
    public async Task A_damaged_args_length_in_the_record_index_names_the_whole_block()
    {
        using var folder = await SealedJournal();
        // The args-lengths column: every frame here is one length apart at most; corrupt the first length byte
        // after the CRC column, so the lengths no longer add up to the args that follow.
        RewriteLayout(folder, 1, raw =>
        {
            Span<byte> lastCrc = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(lastCrc, TestRecords.Frame(100).At(100).Checksum);
            var at = raw.AsSpan().IndexOf(lastCrc);
            raw[at + 4] ^= 0x40;
        });

        var report = JournalVerifier.Verify(folder.Path);
        var damaged = Assert.Single(report.DamagedBlocks);
        Assert.Equal((1L, 100L), (damaged.FirstSeq, damaged.LastSeq));
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(1, Assert.Throws<JournalCorruptException>(() => reader.ReadOne(5)).Seq);
    }

    [Fact]
    public async Task A_flipped_byte_in_a_record_a_block_holds_is_named_by_verify_and_refused_by_reads()
    {
        using var folder = await SealedJournal();
        RewriteLayout(folder, 201, raw => FlipAt(raw, "{\"n\":242,"u8, offset: 6));

        var report = JournalVerifier.Verify(folder.Path);
        Assert.Equal([242L], report.BadChecksums);
        Assert.Empty(report.DamagedBlocks);
        using var reader = JournalReader.Open(folder.Path);
        var read = new List<long>();
        var error = Assert.Throws<JournalCorruptException>(() =>
        {
            foreach (var record in reader.ReadSeqRange(230, 260))
            {
                read.Add(record.Seq);
            }
        });
        Assert.Equal(242, error.Seq);
        Assert.Equal(Enumerable.Range(230, 12).Select(n => (long)n), read);
    }

    [Fact]
    public async Task A_seq_both_in_a_block_and_a_row_is_a_duplicate()
    {
        using var folder = await SealedJournal();
        var copy = TestRecords.Frame(150).At(150);
        using (var connection = Open(folder))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO journal (seq, ts, session, conn, source, event, codec, args, crc) VALUES (150, $ts, $s, 1, 'live', 'gameStateUpdate', 0, $a, $c)";
            command.Parameters.AddWithValue("$ts", copy.Ts);
            command.Parameters.AddWithValue("$s", copy.Session.ToString("D"));
            command.Parameters.AddWithValue("$a", copy.Args);
            command.Parameters.AddWithValue("$c", (long)copy.Checksum);
            command.ExecuteNonQuery();
        }
        var report = JournalVerifier.Verify(folder.Path);
        Assert.Equal([150L], report.DuplicateSeqs);
        Assert.Empty(report.BadChecksums);
    }

    [Fact]
    public async Task A_writer_refuses_to_append_after_a_damaged_last_block()
    {
        using var folder = await FullySealedJournal();
        var data = DataOf(folder, 201);
        data[data.Length / 2] ^= 0x01;
        using (var connection = Open(folder))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE journal_blocks SET data = $d WHERE first_seq = 201";
            command.Parameters.AddWithValue("$d", data);
            command.ExecuteNonQuery();
        }

        AssertWriterRefuses(folder, 300);
    }

    [Fact]
    public async Task A_writer_refuses_to_append_after_a_last_sealed_record_that_fails_its_checksum()
    {
        using var folder = await FullySealedJournal();
        RewriteLayout(folder, 201, raw => FlipAt(raw, "{\"n\":300,"u8, offset: 6));

        AssertWriterRefuses(folder, 300);
        Assert.Equal([300L], JournalVerifier.Verify(folder.Path).BadChecksums);
    }

    [Fact]
    public async Task A_writer_appends_after_a_sound_sealed_tail_and_the_journal_stays_gap_free()
    {
        using var folder = await FullySealedJournal();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            Assert.Equal(new SeqRange(301, 350), await writer.AppendBatchAsync(Enumerable.Range(301, 50).Select(n => TestRecords.Frame(n)).ToArray()));
        }
        var report = JournalVerifier.Verify(folder.Path);
        Assert.True(report.Clean);
        Assert.Equal(350, report.RecordsChecked);
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(Enumerable.Range(1, 350).Select(n => (long)n), reader.ReadSeqRange(1, long.MaxValue).Select(r => r.Seq));
    }
}
