using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary>
/// Moves records from the <see cref="CaptureQueue"/> into the journal, as many per append as are
/// waiting (the writer commits each append in one durable transaction), and tells the observers
/// after each one is durable. A frame the journal could never store unchanged (e.g. an event name
/// with a lone surrogate) is replaced by a <c>$capture.refused</c> record naming the reason.
/// </summary>
internal sealed class JournalPump(
    JournalWriter writer,
    CaptureQueue queue,
    SystemRecords system,
    IReadOnlyList<IDurableRecordsObserver> observers,
    Action<string> warn)
{
    private const int MaxRecordsPerAppend = 8_192;
    private const long MaxBytesPerAppend = 32L << 20;

    /// <summary>Runs until the queue is completed and drained; throws <see cref="JournalFaultedException"/> when the writer fails.</summary>
    public async Task RunAsync()
    {
        var batch = new List<NewRecord>(MaxRecordsPerAppend);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Take(batch);
            if (batch.Count == 0)
            {
                continue;
            }
            var seqs = await AppendAsync(batch).ConfigureAwait(false);
            foreach (var observer in observers)
            {
                observer.OnDurable(batch, seqs);
            }
            batch = new List<NewRecord>(MaxRecordsPerAppend);
        }
        if (writer.Fault is { } fault)
        {
            throw fault;
        }
    }

    // The writer checks every record before it queues any, so a batch it refuses was not written.
    // Frames are checked one by one only then, which keeps the common case to one validating pass.
    private Task<SeqRange> AppendAsync(List<NewRecord> batch)
    {
        try
        {
            return writer.AppendBatchAsync(batch);
        }
        catch (JournalInputException)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i] = StorableFrame(batch[i]);
            }
            return writer.AppendBatchAsync(batch);
        }
    }

    private void Take(List<NewRecord> batch)
    {
        var lost = queue.TakeLostCount();
        if (lost > 0)
        {
            batch.Add(system.OverflowOf(lost));
        }
        long bytes = 0;
        var frames = 0;
        while (batch.Count < MaxRecordsPerAppend && bytes < MaxBytesPerAppend && queue.Reader.TryRead(out var queued))
        {
            var record = queued.Record;
            bytes += record.Args.Length;
            if (queued.IsFrame)
            {
                frames++;
                batch.Add(record.Event.StartsWith('$') ? Refused(record, ReservedName(record.Event)) : record);
            }
            else
            {
                batch.Add(record);
            }
        }
        queue.Took(frames);
    }

    // Every record whose name starts with $ is the capture's own (frames with such names were
    // already replaced in Take), so only the feed's frames are checked here.
    private NewRecord StorableFrame(NewRecord record)
    {
        if (record.Event.StartsWith('$'))
        {
            return record;
        }
        try
        {
            ArgsValidation.Check(record);
            return record;
        }
        catch (JournalInputException refused)
        {
            return Refused(record, refused.Message);
        }
    }

    private static string ReservedName(string eventName) =>
        $"the feed sent an event named '{eventName}'; names starting with $ are reserved for the journal's system records.";

    private NewRecord Refused(NewRecord record, string reason)
    {
        warn(SystemRecords.RefusalWarning(reason));
        return system.RefusedOf(record.Conn, reason, record.Args.Length);
    }
}
