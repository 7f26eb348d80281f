using Vectra.Journal.Blocks;
using Vectra.Journal.Jsonl;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>The writer's sealer moves old rows into blocks; every read sees the same records as before.</summary>
public class SealingTests
{
    private static NewRecord Varied(int n) => TestRecords.Frame(n, eventName: n % 97 == 0 ? "$connection.open" : n % 3 == 0 ? "newTrade" : "gameStateUpdate", conn: n % 5);

    [Fact]
    public async Task Records_past_the_tail_bound_are_sealed_and_read_back_identical_by_every_read()
    {
        using var folder = new TempFolder();
        var records = Enumerable.Range(1, 3000).Select(Varied).ToArray();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, Sealing.Every(tail: 500, block: 200)))
        {
            foreach (var chunk in records.Chunk(100))
            {
                await writer.AppendBatchAsync(chunk);
            }
            var figures = await Sealing.UntilSealedAsync(folder.Path, 2400);
            Assert.True(figures.BlockRecords >= 2400, $"only {figures.BlockRecords} records were sealed");
            Assert.True(figures.TailRecords <= 600, $"{figures.TailRecords} records are still rows");
            Assert.Equal(3000, figures.BlockRecords + figures.TailRecords);
            Assert.Equal(0, figures.BlockRecords % 200);
        }

        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal((1L, 3000L), (reader.Head, reader.Tail));
        var all = reader.ReadSeqRange(1, long.MaxValue).ToArray();
        Assert.Equal(3000, all.Length);
        Assert.All(all, r => Assert.True(r.SameAs(records[r.Seq - 1].At(r.Seq)), $"record {r.Seq} differs"));
        Assert.Equal(Enumerable.Range(150, 251).Select(n => (long)n), reader.ReadSeqRange(150, 400).Select(r => r.Seq));
        Assert.Equal(records[1233].Args, reader.ReadOne(1234)!.Args);
        Assert.Equal(Enumerable.Range(1199, 4002 - 1199).Where(n => n <= 3000).Select(n => (long)n).Take(2000),
            reader.ReadAfter(1198, 2000).Select(r => r.Seq));

        var fromTs = records[999].Ts;
        var toTs = records[1999].Ts;
        Assert.Equal(Enumerable.Range(1000, 1001).Select(n => (long)n), reader.ReadTsRange(fromTs, toTs).Select(r => r.Seq));
        Assert.Equal(Enumerable.Range(1, 3000).Where(n => n % 97 == 0).Select(n => (long)n), reader.ReadSystemRecords().Select(r => r.Seq));
        Assert.Equal(Enumerable.Range(1, 3000).Where(n => n % 97 == 0 && n > 1500).Select(n => (long)n), reader.ReadSystemRecords(1500).Select(r => r.Seq));

        var report = JournalVerifier.Verify(folder.Path);
        Assert.True(report.Clean, "verify is clean");
        Assert.Equal(3000, report.RecordsChecked);
    }

    [Fact]
    public async Task A_read_nested_inside_another_on_the_same_reader_sees_its_own_records()
    {
        using var folder = new TempFolder();
        var records = Enumerable.Range(1, 1000).Select(Varied).ToArray();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(records);
        }
        JournalCompactor.Compact(folder.Path, new SealPolicy { BlockRecords = 100 });

        using var reader = JournalReader.Open(folder.Path);
        var outer = 0;
        foreach (var record in reader.ReadSeqRange(1, long.MaxValue))
        {
            var mirror = reader.ReadOne(1001 - record.Seq)!;
            Assert.True(record.SameAs(records[record.Seq - 1].At(record.Seq)), $"record {record.Seq} differs");
            Assert.True(mirror.SameAs(records[1000 - record.Seq].At(1001 - record.Seq)), $"record {mirror.Seq} differs");
            outer++;
        }
        Assert.Equal(1000, outer);
    }

    [Fact]
    public async Task A_writer_reopened_on_a_fully_sealed_journal_continues_its_seqs()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 500).Select(Varied).ToArray());
        }
        var compacted = JournalCompactor.Compact(folder.Path, SealPolicy.Default with { BlockRecords = 1024 });
        Assert.Equal((1L, 500L), (compacted.BlocksWritten, compacted.RecordsSealed));
        Assert.Equal(0, Sealing.FiguresOf(folder.Path).TailRecords);

        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch))
        {
            Assert.Equal(500, writer.Tail);
            Assert.Equal(501, await writer.AppendAsync(Varied(501)));
        }
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(Enumerable.Range(1, 501).Select(n => (long)n), reader.ReadSeqRange(1, long.MaxValue).Select(r => r.Seq));
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);
    }

    [Fact]
    public async Task Compact_seals_everything_shrinks_the_file_and_export_is_byte_identical()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.None, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 5000).Select(Varied).ToArray());
        }
        var before = Export(folder.Path);
        var bytesBefore = new JournalFiles(folder.Path).BytesOnDisk();

        var result = JournalCompactor.Compact(folder.Path, SealPolicy.Default);

        Assert.Equal(5000, result.RecordsSealed);
        Assert.Equal(bytesBefore, result.BytesBefore);
        var bytesAfter = new JournalFiles(folder.Path).BytesOnDisk();
        Assert.Equal(bytesAfter, result.BytesAfter);
        Assert.True(bytesAfter * 5 < bytesBefore, $"the file went from {bytesBefore} to {bytesAfter} bytes");
        Assert.Equal(before, Export(folder.Path));
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);
        var figures = Sealing.FiguresOf(folder.Path);
        Assert.Equal((5000L, 0L), (figures.BlockRecords, figures.TailRecords));
    }

    [Fact]
    public async Task Compact_rewrites_the_live_sealers_blocks_into_its_own_and_every_read_stays_identical()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, Sealing.Every(tail: 200, block: 100)))
        {
            foreach (var chunk in Enumerable.Range(1, 3000).Select(Varied).Chunk(100))
            {
                await writer.AppendBatchAsync(chunk);
            }
            await Sealing.UntilSealedAsync(folder.Path, 2500);
        }
        var before = Export(folder.Path);
        var live = BlocksOf(folder.Path);
        Assert.True(live.Sum(b => b.Records) >= 2500, $"the live sealer sealed {live.Sum(b => b.Records)} records");
        Assert.All(live, b => Assert.Equal((SealPolicy.Default.Level, true), (b.Level, b.Records <= 100)));

        var result = JournalCompactor.Compact(folder.Path, new SealPolicy { BlockRecords = 1000, Level = 9 });

        var compacted = BlocksOf(folder.Path);
        Assert.All(compacted, b => Assert.Equal(9, b.Level));
        Assert.Equal(3, compacted.Count);
        Assert.All(compacted, b => Assert.Equal(1000, b.Records));
        Assert.True(result.RecordsRecompressed >= live.Sum(b => b.Records));
        Assert.Equal(before, Export(folder.Path));
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);
        Assert.Equal((3000L, 0L), (Sealing.FiguresOf(folder.Path).BlockRecords, Sealing.FiguresOf(folder.Path).TailRecords));
        using (var reader = JournalReader.Open(folder.Path))
        {
            Assert.All(reader.ReadSeqRange(1, long.MaxValue), r => Assert.True(r.SameAs(Varied((int)r.Seq).At(r.Seq)), $"record {r.Seq} differs"));
        }

        var again = JournalCompactor.Compact(folder.Path, new SealPolicy { BlockRecords = 1000, Level = 9 });
        Assert.Equal((0L, 0L), (again.BlocksWritten, again.BlocksRecompressed));
        Assert.Equal(compacted, BlocksOf(folder.Path));
    }

    private static List<(long FirstSeq, int Records, int Level)> BlocksOf(string folder)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "journal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT first_seq, records, level FROM journal_blocks ORDER BY first_seq";
        using var row = command.ExecuteReader();
        var blocks = new List<(long, int, int)>();
        while (row.Read())
        {
            blocks.Add((row.GetInt64(0), row.GetInt32(1), row.GetInt32(2)));
        }
        return blocks;
    }

    [Fact]
    public async Task A_reader_during_appends_and_sealing_sees_a_gap_free_prefix_with_every_byte()
    {
        using var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.Path, Durability.Batch, Sealing.Every(tail: 300, block: 100));
        var appender = Task.Run(async () =>
        {
            for (var n = 1; n <= 6000; n += 20)
            {
                await writer.AppendBatchAsync(Enumerable.Range(n, 20).Select(Varied).ToArray());
            }
        });
        using var reader = JournalReader.Open(folder.Path);
        var looks = 0;
        while (!appender.IsCompleted || looks == 0)
        {
            var seen = reader.ReadSeqRange(1, long.MaxValue).ToArray();
            Assert.Equal(Enumerable.Range(1, seen.Length).Select(n => (long)n), seen.Select(r => r.Seq));
            Assert.All(seen, r => Assert.True(r.SameAs(Varied((int)r.Seq).At(r.Seq))));
            looks++;
        }
        await appender;
        Assert.Equal(6000, reader.ReadSeqRange(1, long.MaxValue).Count());
        Assert.True((await Sealing.UntilSealedAsync(folder.Path, 5700)).BlockRecords >= 5700);
    }

    [Fact]
    public async Task A_damaged_row_stops_sealing_before_it_while_appends_go_on()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 100).Select(Varied).ToArray());
        }
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("journal.db")};Pooling=False"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE journal SET conn = conn + 1 WHERE seq = 47";
            damage.ExecuteNonQuery();
        }
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, Sealing.Every(tail: 0, block: 10) with { OnProblem = problems.Enqueue }))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (writer.SealingProblem is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            Assert.Contains("meta_seq 47", writer.SealingProblem);
            Assert.Equal(writer.SealingProblem, Assert.Single(problems));
            Assert.Equal(101, await writer.AppendAsync(Varied(101)));
        }
        var figures = Sealing.FiguresOf(folder.Path);
        Assert.Equal((40L, 61L), (figures.BlockRecords, figures.TailRecords));
        Assert.Equal([47L], JournalVerifier.Verify(folder.Path).BadChecksums);
    }

    private static byte[] Export(string folder)
    {
        using var reader = JournalReader.Open(folder);
        using var output = new MemoryStream();
        JsonlExporter.Export(reader, 1, long.MaxValue, output);
        return output.ToArray();
    }
}
