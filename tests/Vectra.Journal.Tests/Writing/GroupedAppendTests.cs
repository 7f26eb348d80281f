using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Writing;

/// <summary>Many appenders with many appends in flight each, as a capture's socket handlers append under <c>batch</c>.</summary>
public class GroupedAppendTests
{
    private const int Appenders = 16;
    private const int PerAppender = 400;

    [Fact]
    public async Task Every_append_in_flight_is_stored_once_in_its_appenders_order_with_gap_free_seqs()
    {
        using var folder = new TempFolder();
        var byConn = Enumerable.Range(1, Appenders).ToDictionary(conn => conn, conn => Enumerable.Range(1, PerAppender).Select(n => TestRecords.Frame(n, conn: conn)).ToArray());
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch))
        {
            var appenders = byConn.Values.Select(frames => Task.Run(async () =>
            {
                var seqs = await Task.WhenAll(frames.Select(writer.AppendAsync).ToArray());
                Assert.Equal(seqs.Order(), seqs);
            }));
            await Task.WhenAll(appenders);
        }

        using var reader = JournalReader.Open(folder.Path);
        var stored = reader.ReadSeqRange(1, Appenders * PerAppender).ToArray();
        Assert.Equal(Enumerable.Range(1, Appenders * PerAppender).Select(n => (long)n), stored.Select(r => r.Seq));
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

    [Fact]
    public async Task Appends_racing_the_close_are_each_stored_or_refused_and_every_acknowledged_one_is_in_the_journal()
    {
        using var folder = new TempFolder();
        var writer = JournalWriter.Open(folder.Path, Durability.Batch);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appenders = Enumerable.Range(1, Appenders).Select(conn => Task.Run(async () =>
        {
            var appends = new List<Task<long>>();
            for (var n = 1; n <= PerAppender; n++)
            {
                appends.Add(writer.AppendAsync(TestRecords.Frame(n, conn: conn)));
                if (n == PerAppender / 4)
                {
                    started.TrySetResult();
                }
            }
            return appends;
        })).ToArray();
        await started.Task;
        writer.Dispose();

        var acknowledged = new List<long>();
        foreach (var append in (await Task.WhenAll(appenders)).SelectMany(appends => appends))
        {
            try
            {
                acknowledged.Add(await append);
            }
            catch (JournalFaultedException error)
            {
                Assert.Contains("closed", error.Message);
            }
        }

        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(acknowledged.Count, reader.Tail);
        Assert.Equal(Enumerable.Range(1, acknowledged.Count).Select(n => (long)n), acknowledged.Order());
    }

    [Fact]
    public async Task An_IO_error_fails_every_append_in_flight_and_the_journal_keeps_what_was_acknowledged()
    {
        using var folder = new TempFolder();
        var writer = JournalWriter.Open(folder.Path, Durability.Batch);
        await writer.AppendAsync(TestRecords.Frame(1));
        writer.LimitDatabasePagesForTest();

        var big = Records.NewRecord.FromText("big", "[\"" + new string('x', 1 << 20) + "\"]", 2, TestRecords.Session, 1, "live");
        var appends = Enumerable.Range(0, Appenders * 8).Select(n => n % 8 == 0 ? writer.AppendAsync(big) : writer.AppendAsync(TestRecords.Frame(n, conn: 2))).ToArray();
        var outcomes = await Task.WhenAll(appends.Select(async append =>
        {
            try
            {
                await append;
                return true;
            }
            catch (JournalFaultedException)
            {
                return false;
            }
        }));
        await writer.Stopped;
        Assert.NotNull(writer.Fault);
        Assert.Contains(false, outcomes);
        writer.Dispose();

        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(1 + outcomes.Count(stored => stored), reader.Tail);
    }
}
