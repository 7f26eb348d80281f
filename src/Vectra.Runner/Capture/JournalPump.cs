using Vectra.Journal;
using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary>
/// Moves records from the <see cref="CaptureQueue"/> into the journal and tells the observers once
/// each is durable. Under <c>batch</c> as many records as are waiting go in one append (one durable
/// transaction); under <c>always</c> every record is an append of its own, committed before it is
/// acknowledged (the appends of a group are queued together, so the writer never idles between
/// them). A frame the journal could never store unchanged (e.g. an event name with a lone
/// surrogate) is replaced by a <c>$capture.refused</c> record naming the reason.
/// </summary>
/// <remarks>
/// Failure policy: a journal writer fault ends the pump with <see cref="JournalFaultedException"/>.
/// When the stop budget runs out (<c>giveUp</c>) before the queue is drained, the frames still
/// waiting are not stored: the pump stores the capture's own records that were waiting with them,
/// counts the frames, and returns the count for <c>$session.stop</c> to report.
/// </remarks>
internal sealed class JournalPump(
    JournalWriter writer,
    CaptureQueue queue,
    SystemRecords system,
    IReadOnlyList<IDurableRecordsObserver> observers,
    Action<string> warn,
    TimeSpan appendDelayPerRecord = default)
{
    private const int MaxRecordsPerAppend = 8_192;
    private const int MaxAppendsInFlight = 256;
    private const long MaxBytesPerAppend = 32L << 20;

    private readonly bool _appendEachRecord = writer.Durability == Durability.Always;

    // Beside the batch being taken: which of its records are feed frames (the rest are the capture's own).
    private readonly List<bool> _isFrame = new(MaxRecordsPerAppend);

    /// <summary>
    /// Runs until the queue is completed and drained (returns 0), or until <paramref name="giveUp"/>
    /// fires first (returns how many frames were not stored). Throws <see cref="JournalFaultedException"/> when the writer fails.
    /// </summary>
    public async Task<long> RunAsync(CancellationToken giveUp)
    {
        var batch = new List<NewRecord>(MaxRecordsPerAppend);
        var frames = 0;
        try
        {
            while (await queue.Reader.WaitToReadAsync(giveUp).ConfigureAwait(false))
            {
                frames = Take(batch, MaxRecordsPerTake());
                if (batch.Count == 0)
                {
                    continue;
                }
                if (appendDelayPerRecord > TimeSpan.Zero)
                {
                    await Task.Delay(appendDelayPerRecord * batch.Count, giveUp).ConfigureAwait(false);
                }
                await StoreAsync(batch).ConfigureAwait(false);
                batch = new List<NewRecord>(MaxRecordsPerAppend);
                _isFrame.Clear();
                frames = 0;
                giveUp.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            return await GiveUpAsync(batch, frames).ConfigureAwait(false);
        }
        if (writer.Fault is { } fault)
        {
            throw fault;
        }
        return 0;
    }

    // A slow disk (simulated for tests) stores a little at a time, so a stop finds frames both stored and waiting.
    private int MaxRecordsPerTake() =>
        appendDelayPerRecord > TimeSpan.Zero ? 64 : _appendEachRecord ? MaxAppendsInFlight : MaxRecordsPerAppend;

    /// <summary>Stores one last record (the session's stop) and tells the observers.</summary>
    public Task StoreLastAsync(NewRecord record) => StoreAsync([record]);

    private async Task StoreAsync(List<NewRecord> batch)
    {
        if (!_appendEachRecord)
        {
            Durable(batch, await AppendAsync(batch).ConfigureAwait(false));
            return;
        }
        var appends = new Task<SeqRange>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            appends[i] = AppendOneAsync(batch, i);
        }
        for (var i = 0; i < batch.Count; i++)
        {
            Durable([batch[i]], await appends[i].ConfigureAwait(false));
        }
    }

    private void Durable(IReadOnlyList<NewRecord> records, SeqRange seqs)
    {
        foreach (var observer in observers)
        {
            observer.OnDurable(records, seqs);
        }
    }

    /// <summary>The frames taken and waiting are dropped and counted; the capture's own records among them are stored.</summary>
    private async Task<long> GiveUpAsync(List<NewRecord> batch, int framesTaken)
    {
        long dropped = framesTaken;
        long droppedBytes = 0;
        var kept = batch.Where((_, i) => !_isFrame[i]).ToList();
        while (queue.Reader.TryRead(out var queued))
        {
            if (queued.IsFrame)
            {
                dropped++;
                droppedBytes += queued.Record.Args.Length;
            }
            else
            {
                kept.Add(queued.Record);
            }
        }
        queue.Took((int)(dropped - framesTaken), droppedBytes);
        if (queue.TakeLostCount() is var lost and > 0)
        {
            kept.Add(system.OverflowOf(lost));
        }
        if (kept.Count > 0)
        {
            await StoreAsync(kept).ConfigureAwait(false);
        }
        return dropped;
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

    private Task<SeqRange> AppendOneAsync(List<NewRecord> batch, int index)
    {
        try
        {
            return writer.AppendBatchAsync([batch[index]]);
        }
        catch (JournalInputException)
        {
            batch[index] = StorableFrame(batch[index]);
            return writer.AppendBatchAsync([batch[index]]);
        }
    }

    /// <summary>Takes up to <paramref name="maxRecords"/> waiting records into <paramref name="batch"/>; returns how many of them are frames.</summary>
    private int Take(List<NewRecord> batch, int maxRecords)
    {
        var lost = queue.TakeLostCount();
        if (lost > 0)
        {
            batch.Add(system.OverflowOf(lost));
            _isFrame.Add(false);
        }
        long bytes = 0;
        long frameBytes = 0;
        var frames = 0;
        while (batch.Count < maxRecords && bytes < MaxBytesPerAppend && queue.Reader.TryRead(out var queued))
        {
            var record = queued.Record;
            bytes += record.Args.Length;
            _isFrame.Add(queued.IsFrame);
            if (queued.IsFrame)
            {
                frames++;
                frameBytes += record.Args.Length;
                batch.Add(SystemEvents.IsSystem(record.Event) && !queued.CaptureNamed ? Refused(record, ReservedName(record.Event)) : record);
            }
            else
            {
                batch.Add(record);
            }
        }
        queue.Took(frames, frameBytes);
        return frames;
    }

    // Every record whose name starts with $ is the capture's own (frames with such names were
    // already replaced in Take), so only the feed's frames are checked here.
    private NewRecord StorableFrame(NewRecord record)
    {
        if (SystemEvents.IsSystem(record.Event))
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
