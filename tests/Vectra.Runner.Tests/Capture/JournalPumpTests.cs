using System.Text;
using Vectra.Journal;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Runner.Capture;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Capture;

/// <summary>The pump between the capture queue and a real journal on disk: what it stores when frames cannot be stored unchanged or were lost.</summary>
public sealed class JournalPumpTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SystemRecords _system = new(Guid.NewGuid(), TimeProvider.System);

    [Fact]
    public async Task Frames_the_journal_cannot_store_unchanged_become_refusals_and_the_frames_around_them_are_stored()
    {
        var queue = new CaptureQueue(capacity: 100);
        queue.TryAddFrame(Frame("before", "[1]"));
        queue.TryAddFrame(Frame("lone\ud800", "[2]"));
        queue.TryAddFrame(Frame("broken", "[3,"));
        queue.TryAddFrame(Frame("$session.stop", "[4]"));
        queue.TryAddFrame(Frame("after", "[5]"));
        var warnings = new List<string>();

        var records = await PumpAsync(queue, warnings);

        Assert.Equal(["before", "$capture.refused", "$capture.refused", "$capture.refused", "after"], records.Select(r => r.Event));
        Assert.Equal("[1]", Text(records[0]));
        Assert.Contains("lone surrogate", Text(records[1]));
        Assert.Contains("not valid JSON", Text(records[2]));
        Assert.Contains("reserved", Text(records[3]));
        Assert.Equal("[5]", Text(records[4]));
        Assert.All(records, r => Assert.Equal(7, r.Conn));
        Assert.Equal(3, warnings.Count);
        Assert.Equal(0, queue.WaitingFrames);
    }

    [Fact]
    public async Task Frames_lost_to_a_full_queue_are_counted_in_an_overflow_record_before_the_frames_that_follow()
    {
        var queue = new CaptureQueue(capacity: 2);
        Assert.True(queue.TryAddFrame(Frame("kept", "[1]")));
        Assert.True(queue.TryAddFrame(Frame("kept", "[2]")));
        Assert.False(queue.TryAddFrame(Frame("lost", "[3]")));
        Assert.False(queue.TryAddFrame(Frame("lost", "[4]")));

        var records = await PumpAsync(queue, []);

        Assert.Equal(["$capture.overflow", "kept", "kept"], records.Select(r => r.Event));
        Assert.Equal("""[{"lost":2}]""", Text(records[0]));
    }

    [Fact]
    public async Task Under_always_each_record_is_committed_on_its_own_and_acknowledged_after_its_commit()
    {
        var queue = new CaptureQueue(capacity: 1_000);
        for (var i = 0; i < 300; i++)
        {
            queue.TryAddFrame(Frame("tick", $"[{i}]"));
        }
        queue.Complete();
        var data = Path.Combine(_folder.Path, "data");
        var acks = new CommitsAtAck();
        await using (var writer = JournalWriter.Open(data, Durability.Always))
        {
            acks.Writer = writer;
            Assert.Equal(0, await new JournalPump(writer, queue, _system, [acks], _ => { }).RunAsync(CancellationToken.None));
            Assert.Equal(300, writer.Commits);
        }
        // Each record was acknowledged alone, and only once at least as many commits as records had happened.
        Assert.Equal(Enumerable.Range(1, 300).Select(n => (long)n), acks.Seqs);
        Assert.All(acks.Seqs.Zip(acks.Commits), ack => Assert.True(ack.Second >= ack.First, $"seq {ack.First} acknowledged after only {ack.Second} commits"));
    }

    [Fact]
    public async Task Under_batch_waiting_records_share_a_commit()
    {
        var queue = new CaptureQueue(capacity: 1_000);
        for (var i = 0; i < 300; i++)
        {
            queue.TryAddFrame(Frame("tick", $"[{i}]"));
        }
        queue.Complete();
        await using var writer = JournalWriter.Open(Path.Combine(_folder.Path, "data"), Durability.Batch);
        await new JournalPump(writer, queue, _system, [], _ => { }).RunAsync(CancellationToken.None);
        Assert.Equal(1, writer.Commits);
    }

    [Fact]
    public async Task When_the_stop_budget_runs_out_the_waiting_frames_are_counted_and_the_capture_records_among_them_are_stored()
    {
        var queue = new CaptureQueue(capacity: 1_000);
        queue.TryAddFrame(Frame("tick", "[1]"));
        queue.AddSystem(_system.Close(7, "shutdown"));
        queue.TryAddFrame(Frame("tick", "[2]"));
        queue.TryAddFrame(Frame("tick", "[3]"));
        queue.Complete();
        var data = Path.Combine(_folder.Path, "data");
        long notJournaled;
        await using (var writer = JournalWriter.Open(data, Durability.Batch))
        {
            notJournaled = await new JournalPump(writer, queue, _system, [], _ => { }).RunAsync(new CancellationToken(canceled: true));
        }
        Assert.Equal(3, notJournaled);
        Assert.Equal(0, queue.WaitingFrames);
        using var reader = JournalReader.Open(data);
        Assert.Equal(["$connection.close"], reader.ReadSeqRange(1, long.MaxValue).Select(r => r.Event));
    }

    [Fact]
    public async Task The_queue_has_no_room_once_its_frames_hold_its_byte_budget_and_room_again_once_the_pump_stored_them()
    {
        var queue = new CaptureQueue(capacity: 1_000, byteBudget: 10);
        Assert.True(queue.TryAddFrame(Frame("tick", "[1234]")));
        Assert.True(queue.HasRoom);
        // Over the budget, frames are still taken (the socket had already read them); the socket holds back before its next read.
        Assert.True(queue.TryAddFrame(Frame("tick", "[5678]")));
        Assert.Equal(12, queue.WaitingBytes);
        Assert.False(queue.HasRoom);

        var records = await PumpAsync(queue, []);

        Assert.Equal(["[1234]", "[5678]"], records.Select(Text));
        Assert.Equal(0, queue.WaitingBytes);
        Assert.True(queue.HasRoom);
    }

    /// <summary>Records each acknowledged seq with the writer's commit count at that moment.</summary>
    private sealed class CommitsAtAck : IDurableRecordsObserver
    {
        public JournalWriter? Writer { get; set; }

        public List<long> Seqs { get; } = [];

        public List<long> Commits { get; } = [];

        public void OnDurable(IReadOnlyList<NewRecord> records, SeqRange seqs)
        {
            Assert.Single(records);
            Seqs.Add(seqs.First);
            Commits.Add(Writer!.Commits);
        }
    }

    private async Task<IReadOnlyList<JournalRecord>> PumpAsync(CaptureQueue queue, List<string> warnings)
    {
        var data = Path.Combine(_folder.Path, "data");
        await using (var writer = JournalWriter.Open(data, Durability.Batch))
        {
            queue.Complete();
            Assert.Equal(0, await new JournalPump(writer, queue, _system, [], warnings.Add).RunAsync(CancellationToken.None));
        }
        using var reader = JournalReader.Open(data);
        return [.. reader.ReadSeqRange(1, long.MaxValue)];
    }

    private NewRecord Frame(string eventName, string args) =>
        new(eventName, Encoding.UTF8.GetBytes(args), _system.Now(), _system.Session, 7, SystemRecords.Source);

    private static string Text(JournalRecord record) => Encoding.UTF8.GetString(record.Args);

    public void Dispose() => _folder.Dispose();
}
