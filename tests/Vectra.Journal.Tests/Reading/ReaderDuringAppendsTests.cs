using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Reading;

public class ReaderDuringAppendsTests
{
    [Fact]
    public async Task A_reader_running_during_heavy_appends_only_ever_sees_a_gap_free_prefix()
    {
        using var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.Path, Durability.Batch);
        using var stop = new CancellationTokenSource();
        var appended = new System.Collections.Concurrent.ConcurrentDictionary<long, NewRecord>();
        // Reads that saw records and ended while appends still ran. The appenders go on past their 3,000 until the
        // reader made a few, counted in reads rather than left to timing: a fast machine can append 24,000 records
        // before a busy reader looks twice.
        var readsDuringAppends = 0;
        var appenders = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 3000 || (Volatile.Read(ref readsDuringAppends) < ReadsDuringAppends && i < 50_000); i++)
            {
                var record = TestRecords.Frame(w * 100_000 + i, conn: w);
                appended[await writer.AppendAsync(record)] = record;
            }
        })).ToArray();

        using var reader = JournalReader.Open(folder.Path);
        while (!appenders.All(t => t.IsCompleted))
        {
            var seen = reader.ReadSeqRange(1, long.MaxValue).Select(r => r.Seq).ToArray();
            Assert.Equal(Enumerable.Range(1, seen.Length).Select(n => (long)n), seen);
            if (seen.Length > 0 && !appenders.All(t => t.IsCompleted))
            {
                Interlocked.Increment(ref readsDuringAppends);
            }
        }
        await Task.WhenAll(appenders);

        var all = reader.ReadSeqRange(1, long.MaxValue).ToArray();
        Assert.True(appended.Count >= 24_000, $"only {appended.Count} appends");
        Assert.Equal(appended.Count, all.Length);
        Assert.All(all, r => Assert.True(r.SameAs(appended[r.Seq].At(r.Seq))));
        Assert.True(readsDuringAppends >= ReadsDuringAppends, $"the reader saw records while appends ran only {readsDuringAppends} time(s)");
    }

    private const int ReadsDuringAppends = 3;

    [Fact]
    public async Task A_follower_catches_up_then_receives_live_records_in_order()
    {
        using var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.Path, Durability.Always);
        await writer.AppendBatchAsync(Enumerable.Range(1, 100).Select(n => TestRecords.Frame(n)).ToArray());

        using var reader = JournalReader.Open(folder.Path);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<long>();
        var live = Task.Run(async () =>
        {
            for (var n = 101; n <= 150; n++)
            {
                await writer.AppendAsync(TestRecords.Frame(n));
            }
        });
        await foreach (var record in reader.FollowAsync(afterSeq: 10, writer.Signal, guard.Token))
        {
            received.Add(record.Seq);
            if (record.Seq == 150)
            {
                break;
            }
        }
        await live;
        Assert.Equal(Enumerable.Range(11, 140).Select(n => (long)n), received);
    }

    [Fact]
    public async Task A_follower_in_another_connection_without_a_signal_polls_and_sees_new_commits()
    {
        using var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.Path, Durability.Batch);
        await writer.AppendAsync(TestRecords.Frame(1));
        using var reader = JournalReader.Open(folder.Path);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var enumerator = reader.FollowAsync(0, signal: null, guard.Token).GetAsyncEnumerator(guard.Token);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(1, enumerator.Current.Seq);
        var next = enumerator.MoveNextAsync().AsTask();
        await writer.AppendAsync(TestRecords.Frame(2));
        Assert.True(await next);
        Assert.Equal(2, enumerator.Current.Seq);
        await enumerator.DisposeAsync();
    }
}
