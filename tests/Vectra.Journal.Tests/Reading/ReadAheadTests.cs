using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Reading;

/// <summary>Reading ahead on another thread gives exactly what a plain read gives, damage included.</summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Gives_the_same_records_as_a_plain_read_in_order()
    {
        await AppendAsync(5_000);
        using var reader = JournalReader.Open(_folder.Path);

        var ahead = reader.ReadSeqRangeAhead(17, 4_321).ToList();

        var plain = reader.ReadSeqRange(17, 4_321).ToList();
        Assert.Equal(plain.Count, ahead.Count);
        Assert.All(plain.Zip(ahead), pair => Assert.True(pair.First.SameAs(pair.Second), $"record {pair.First.Seq} differs"));
    }

    [Fact]
    public async Task Reads_across_its_windows_to_the_tail_when_asked_for_everything()
    {
        await AppendAsync(120_000);
        using var reader = JournalReader.Open(_folder.Path);

        var seqs = reader.ReadSeqRangeAhead(49_990, long.MaxValue).Select(record => record.Seq).ToList();

        Assert.Equal(Enumerable.Range(49_990, 120_000 - 49_990 + 1).Select(n => (long)n), seqs);
    }

    [Fact]
    public async Task A_damaged_record_throws_at_its_place_after_the_records_before_it()
    {
        await AppendAsync(1_000);
        using (var connection = new SqliteConnection($"Data Source={_folder.File("journal.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE journal SET ts = ts + 1 WHERE seq = 700";
            command.ExecuteNonQuery();
        }
        using var reader = JournalReader.Open(_folder.Path);

        var seen = new List<long>();
        var error = Assert.Throws<JournalCorruptException>(() =>
        {
            foreach (var record in reader.ReadSeqRangeAhead(1, 1_000))
            {
                seen.Add(record.Seq);
            }
        });

        Assert.Equal(700, error.Seq);
        Assert.Equal(Enumerable.Range(1, 699).Select(n => (long)n), seen);
    }

    [Fact]
    public async Task Stopping_early_ends_the_reading_thread_and_the_journal_can_be_written_again()
    {
        await AppendAsync(3_000);
        using (var reader = JournalReader.Open(_folder.Path))
        {
            Assert.Equal(10, reader.ReadSeqRangeAhead(1, 3_000).Take(10).Count());
        }

        await AppendAsync(1);
        using var again = JournalReader.Open(_folder.Path);
        Assert.Equal(3_001, again.Tail);
    }

    [Fact]
    public async Task Holds_at_most_its_byte_budget_of_large_records_the_consumer_has_not_taken()
    {
        const int recordBytes = 256 * 1024, records = 200; // 50 MB in all, three times the budget
        using (var writer = JournalWriter.Open(_folder.Path, Durability.None))
        {
            var args = System.Text.Encoding.UTF8.GetBytes("[\"" + new string('x', recordBytes - 4) + "\"]");
            await writer.AppendBatchAsync(Enumerable.Range(1, records).Select(n => TestRecords.Frame(n) with { Args = args }).ToArray());
        }
        using var reader = JournalReader.Open(_folder.Path);
        var read = 0;

        using var ahead = reader.ReadSeqRangeAhead(1, records, record =>
        {
            Interlocked.Increment(ref read);
            return record.Seq;
        }).GetEnumerator();
        Assert.True(ahead.MoveNext());
        var readAhead = await Settled.ValueAsync(() => Volatile.Read(ref read));

        // The consumer holds record 1's chunk; everything else read is queued or in the chunk being read.
        var heldBytes = (long)readAhead * recordBytes;
        var bound = ReadAhead.MaxQueuedBytes + ReadAhead.ChunkBytes;
        Assert.True(heldBytes <= bound, $"{readAhead} records ({heldBytes:N0} bytes) read ahead of the consumer; at most {bound:N0} allowed");
        var rest = 1;
        while (ahead.MoveNext())
        {
            rest++;
        }
        Assert.Equal(records, rest);
    }

    private async Task AppendAsync(int records)
    {
        using var writer = JournalWriter.Open(_folder.Path, Durability.None);
        var first = (int)writer.Tail + 1;
        await writer.AppendBatchAsync(Enumerable.Range(first, records).Select(n => TestRecords.Frame(n)).ToArray());
    }

    public void Dispose() => _folder.Dispose();
}
