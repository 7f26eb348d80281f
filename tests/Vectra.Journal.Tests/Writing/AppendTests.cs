using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Writing;

/// <summary>The same append assertions, run once per durability policy.</summary>
public class AppendTests
{
    public static TheoryData<string> Policies => new() { "always", "batch", "none" };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Appends_get_seqs_from_1_and_read_back_byte_identical_after_reopening(string policy)
    {
        using var folder = new TempFolder();
        var frames = Enumerable.Range(1, 50).Select(n => TestRecords.Frame(n)).ToArray();
        using (var writer = JournalWriter.Open(folder.Path, Durability.TryParse(policy)!))
        {
            Assert.Equal(1, await writer.AppendAsync(frames[0]));
            var range = await writer.AppendBatchAsync(frames[1..]);
            Assert.Equal(new SeqRange(2, 50), range);
        }

        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(1, reader.Head);
        Assert.Equal(50, reader.Tail);
        var stored = reader.ReadSeqRange(1, 50).ToArray();
        Assert.Equal(50, stored.Length);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(stored[i].SameAs(frames[i].At(i + 1)), $"record {i + 1} differs");
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task A_reopened_journal_continues_at_the_last_seq_plus_one(string policy)
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.TryParse(policy)!))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 7).Select(n => TestRecords.Frame(n)).ToArray());
        }
        using (var writer = JournalWriter.Open(folder.Path, Durability.TryParse(policy)!))
        {
            Assert.Equal(7, writer.Tail);
            Assert.Equal(8, await writer.AppendAsync(TestRecords.Frame(8)));
        }
    }

    [Fact]
    public async Task Concurrent_appenders_get_distinct_contiguous_seqs()
    {
        using var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.Path, Durability.Batch);
        var seqs = await Task.WhenAll(Enumerable.Range(1, 2000).Select(n => Task.Run(() => writer.AppendAsync(TestRecords.Frame(n)))));
        Assert.Equal(Enumerable.Range(1, 2000).Select(n => (long)n), seqs.Order());
    }

    [Fact]
    public async Task Reading_by_time_range_returns_the_records_received_in_it()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 20).Select(n => TestRecords.Frame(n)).ToArray());
        }
        using var reader = JournalReader.Open(folder.Path);
        var from = TestRecords.Frame(5).Ts;
        var to = TestRecords.Frame(9).Ts;
        Assert.Equal([5L, 6, 7, 8, 9], reader.ReadTsRange(from, to).Select(r => r.Seq));
    }

    [Theory]
    [InlineData("{\"not\":\"an array\"}")]
    [InlineData("[1,2")]
    [InlineData("[1] [2]")]
    [InlineData("")]
    public async Task Args_that_are_not_one_JSON_array_are_refused_with_a_reason(string args)
    {
        using var folder = new TempFolder();
        using var writer = JournalWriter.Open(folder.Path, Durability.Always);
        var error = await Assert.ThrowsAsync<JournalInputException>(() =>
            writer.AppendAsync(NewRecord.FromText("x", args, 1, TestRecords.Session, 1, "live")));
        Assert.Contains("args", error.Message);
        Assert.Equal(0, writer.Tail);
    }

    [Fact]
    public async Task A_second_writer_fails_at_once_naming_the_process_that_holds_the_journal()
    {
        using var folder = new TempFolder();
        using var first = JournalWriter.Open(folder.Path, Durability.Always);
        await first.AppendAsync(TestRecords.Frame(1));

        var error = Assert.Throws<JournalLockedException>(() => JournalWriter.Open(folder.Path, Durability.Always));
        Assert.Contains($"process {Environment.ProcessId}", error.Message);
    }

    [Fact]
    public async Task An_IO_error_faults_the_writer_fails_pending_appends_and_is_never_retried()
    {
        using var folder = new TempFolder();
        var writer = JournalWriter.Open(folder.Path, Durability.Always);
        await writer.AppendAsync(TestRecords.Frame(1));
        // A real SQLite "database or disk is full" error: the file may not grow past its current pages.
        writer.LimitDatabasePagesForTest();

        var big = NewRecord.FromText("big", "[\"" + new string('x', 1 << 20) + "\"]", 2, TestRecords.Session, 1, "live");
        var failed = await Assert.ThrowsAsync<JournalFaultedException>(() => writer.AppendAsync(big));
        Assert.Contains("will not retry", failed.Message);
        await writer.Stopped;
        Assert.NotNull(writer.Fault);
        await Assert.ThrowsAsync<JournalFaultedException>(() => writer.AppendAsync(TestRecords.Frame(3)));
        writer.Dispose();

        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(1, reader.Tail);
    }
}
