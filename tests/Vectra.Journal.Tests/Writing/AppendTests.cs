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

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Concurrent_appenders_get_distinct_contiguous_seqs(string policy)
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.TryParse(policy)!))
        {
            var seqs = await Task.WhenAll(Enumerable.Range(1, 2000).Select(n => Task.Run(() => writer.AppendAsync(TestRecords.Frame(n)))));
            Assert.Equal(Enumerable.Range(1, 2000).Select(n => (long)n), seqs.Order());
        }

        // Under `always` some of these commit on the appender's own thread and some on the writer's; the session's
        // summary row must count every one of them exactly once either way.
        using var reader = JournalReader.Open(folder.Path);
        var session = Assert.Single(reader.Sessions());
        Assert.Equal((1L, 2000L, 2000L), (session.FirstSeq, session.LastSeq, session.Records));
    }

    [Fact]
    public async Task Appends_not_awaited_one_by_one_keep_their_order_under_always()
    {
        // Two appenders race: an append that finds the writer idle commits on its caller's thread, one that finds a
        // commit running or appends queued goes through the writer thread. Either way each appender's records must be
        // stored in the order it appended them.
        using var folder = new TempFolder();
        var byConn = Enumerable.Range(1, 2).ToDictionary(conn => conn, conn => Enumerable.Range(1, 300).Select(n => TestRecords.Frame(n, conn: conn)).ToArray());
        using (var writer = JournalWriter.Open(folder.Path, Durability.Always))
        {
            var appenders = byConn.Values.Select(frames => Task.Run(async () =>
            {
                var seqs = await Task.WhenAll(frames.Select(writer.AppendAsync).ToArray());
                Assert.Equal(seqs.Order(), seqs);
            }));
            await Task.WhenAll(appenders);
            Assert.Equal(600, writer.Commits);
        }

        using var reader = JournalReader.Open(folder.Path);
        var stored = reader.ReadSeqRange(1, 600).ToArray();
        Assert.Equal(Enumerable.Range(1, 600).Select(n => (long)n), stored.Select(r => r.Seq));
        foreach (var (conn, frames) in byConn)
        {
            var mine = stored.Where(r => r.Conn == conn).ToArray();
            Assert.Equal(frames.Length, mine.Length);
            for (var i = 0; i < mine.Length; i++)
            {
                Assert.True(mine[i].SameAs(frames[i].At(mine[i].Seq)), $"conn {conn}: record {i + 1} differs or is out of order");
            }
        }
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

    [Fact]
    public async Task System_records_are_found_among_frames_in_seq_order()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch))
        {
            await writer.AppendBatchAsync(
            [
                NewRecord.FromText("$session.start", "[{}]", 1, TestRecords.Session, 0, "live"),
                TestRecords.Frame(2),
                NewRecord.FromText("$connection.open", "[{\"sid\":\"a\"}]", 3, TestRecords.Session, 1, "live"),
                TestRecords.Frame(4, eventName: "%notSystem"),
                TestRecords.Frame(5, eventName: "#notSystem"),
                NewRecord.FromText("$session.stop", "[{\"clean\":true}]", 6, TestRecords.Session, 0, "live"),
            ]);
        }
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(["$session.start", "$connection.open", "$session.stop"], reader.ReadSystemRecords().Select(r => r.Event));
        Assert.Equal([6L], reader.ReadSystemRecords(afterSeq: 3).Select(r => r.Seq));
    }
}
