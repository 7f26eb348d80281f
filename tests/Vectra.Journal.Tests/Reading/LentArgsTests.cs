using System.Text;
using Vectra.Journal.Blocks;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Reading;

/// <summary>
/// Streaming ahead lends each record the buffer of the sealed block it lies in: the args read are the ones appended,
/// however far the reading thread runs ahead through blocks whose buffers go back to the pool, and a record kept past
/// its stream refuses to read instead of reading another block's bytes.
/// </summary>
public sealed class LentArgsTests : IDisposable
{
    private const int Sealed = 6_000, Tail = 300;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Every_streamed_record_holds_the_args_appended_while_the_reading_thread_runs_many_blocks_ahead()
    {
        var appended = await AppendSealedThenRowsAsync();
        using var reader = JournalReader.Open(_folder.Path);
        var read = 0;

        using var stream = reader.StreamSeqRangeAhead(1, long.MaxValue, record =>
        {
            Interlocked.Increment(ref read);
            return record;
        }).GetEnumerator();
        Assert.True(stream.MoveNext());
        // Let the reading thread fill its queue: it has opened dozens of 64-record blocks past this record's by now.
        var readAhead = await Settled.ValueAsync(() => Volatile.Read(ref read));
        Assert.True(readAhead > 1_000, $"only {readAhead} records were read ahead");

        var seen = 0;
        do
        {
            var record = stream.Current;
            var expected = appended[(int)record.Seq - 1];
            Assert.True(record.ArgsSpan.SequenceEqual(expected.Args), $"record {record.Seq} reads other args than were appended");
            Assert.Equal(expected.Event, record.Event);
            Assert.Equal(expected.Ts, record.Ts);
            seen++;
        }
        while (stream.MoveNext());

        Assert.Equal(Sealed + Tail, seen);
    }

    [Fact]
    public async Task A_record_kept_past_its_stream_throws_when_read_unless_its_args_were_copied_in_time()
    {
        var appended = await AppendSealedThenRowsAsync();
        using var reader = JournalReader.Open(_folder.Path);
        JournalRecord? kept = null, copied = null;
        byte[]? copy = null;

        foreach (var record in reader.StreamSeqRangeAhead(1, long.MaxValue, record => record))
        {
            if (record.Seq == 10)
            {
                kept = record;
            }
            else if (record.Seq == 11)
            {
                copied = record;
                copy = record.Args;
            }
        }

        Assert.Throws<LentArgsReleasedException>(() => kept!.ArgsSpan.Length);
        Assert.Throws<LentArgsReleasedException>(() => kept!.Args);
        Assert.Equal(appended[10].Args, copy);
        Assert.Equal(appended[10].Args, copied!.ArgsSpan.ToArray());
    }

    [Fact]
    public async Task A_plain_read_ahead_still_gives_records_that_own_their_args()
    {
        var appended = await AppendSealedThenRowsAsync();
        using var reader = JournalReader.Open(_folder.Path);

        var all = reader.ReadSeqRangeAhead(1, long.MaxValue).ToList();

        Assert.Equal(Sealed + Tail, all.Count);
        Assert.All(all, record => Assert.Equal(appended[(int)record.Seq - 1].Args, record.Args));
    }

    /// <summary>Records of varied sizes sealed into 64-record blocks, then a tail of rows; returns what was appended, by seq.</summary>
    private async Task<List<NewRecord>> AppendSealedThenRowsAsync()
    {
        var records = Enumerable.Range(1, Sealed + Tail).Select(Varied).ToList();
        using (var writer = JournalWriter.Open(_folder.Path, Durability.None, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(records.Take(Sealed).ToArray());
        }
        JournalCompactor.Compact(_folder.Path, new SealPolicy { BlockRecords = 64 });
        using (var writer = JournalWriter.Open(_folder.Path, Durability.None, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(records.Skip(Sealed).ToArray());
        }
        return records;
    }

    /// <summary>Record <paramref name="n"/>: its own bytes and a length that varies, under one of two event names (blocks group args by event).</summary>
    private static NewRecord Varied(int n) =>
        TestRecords.Frame(n, n % 3 == 0 ? "standard/newTrade" : "gameStateUpdate") with
        {
            Args = Encoding.UTF8.GetBytes($"[{{\"n\":{n},\"pad\":\"{new string((char)('a' + n % 26), n % 500)}\"}}]"),
        };

    public void Dispose() => _folder.Dispose();
}
