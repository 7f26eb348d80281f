using System.Runtime.ExceptionServices;

namespace Vectra.Journal.Reading;

/// <summary>
/// Records read on a thread of their own, a little ahead of the consumer: a long catch-up then reads
/// and checks records on one core while they are applied on another. The queue between them is bounded by
/// records and by bytes (<see cref="MaxQueuedBytes"/>), so memory stays flat however long the range and however
/// large its frames.
/// </summary>
public static class ReadAhead
{
    private const int ChunkRecords = 32;
    // About 2,000 records (8 MB of 4 KB frames): enough to ride out a views.db commit or checkpoint on
    // the consuming side without stopping the reading one.
    private const int QueuedChunks = 64;
    /// <summary>A chunk is queued once it holds this many bytes of args (or 32 records).</summary>
    internal const long ChunkBytes = 1L << 20;

    /// <summary>
    /// The most bytes of args in queued chunks and the chunk in the consumer's hands (only a single chunk larger than this
    /// passes it); the chunk being read adds at most <see cref="ChunkBytes"/> and a record. As much as the record bound holds
    /// of 8 KB frames: a journal of large frames (a 20 MB one is possible) no longer fills memory with thousands of them.
    /// </summary>
    internal const long MaxQueuedBytes = 16L << 20;
    private const long WindowRecords = 50_000;

    /// <summary>
    /// Records with <paramref name="from"/> ≤ seq ≤ <paramref name="to"/>, in seq order, read on their own
    /// connection in windows of 50,000 records. A damaged record throws here, at its place in the order.
    /// Disposing the enumerator stops the reading thread.
    /// </summary>
    public static IEnumerable<Records.JournalRecord> ReadSeqRangeAhead(this JournalReader reader, long from, long to) =>
        reader.ReadSeqRangeAhead(from, to, record => record);

    /// <summary>
    /// The same range, each record passed through <paramref name="transform"/> on the reading thread, in seq
    /// order: work that depends on the record alone (parsing it) is done there, beside the consumer.
    /// </summary>
    public static IEnumerable<T> ReadSeqRangeAhead<T>(this JournalReader reader, long from, long to, Func<Records.JournalRecord, T> transform)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(transform);
        return Enumerate(reader.Files.DataDirectory, from, to, transform);
    }

    private static IEnumerable<T> Enumerate<T>(string dataDirectory, long from, long to, Func<Records.JournalRecord, T> transform)
    {
        var queue = new ReadAheadQueue<(T[] Records, long Bytes)>(QueuedChunks);
        using var stop = new CancellationTokenSource();
        var budget = new ReadAheadBudget(MaxQueuedBytes);
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() => failure = Produce(dataDirectory, from, to, transform, queue, budget, stop.Token))
        {
            IsBackground = true,
            Name = "journal read-ahead",
        };
        producer.Start();
        try
        {
            while (queue.TryTake(out var taken))
            {
                var (chunk, bytes) = taken;
                foreach (var record in chunk)
                {
                    yield return record;
                }
                budget.Return(bytes);
            }
            // The producer sets the failure after it completed the queue: wait for it before looking.
            producer.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
    }

    /// <summary>
    /// Reads the range into the queue in chunks, then completes it. A failure is returned, not thrown, after
    /// every record before it was queued, so the consumer meets it at its place in the order.
    /// </summary>
    private static ExceptionDispatchInfo? Produce<T>(
        string dataDirectory, long from, long to, Func<Records.JournalRecord, T> transform, ReadAheadQueue<(T[] Records, long Bytes)> queue,
        ReadAheadBudget budget, CancellationToken stop)
    {
        var chunk = new List<T>(ChunkRecords);
        long chunkBytes = 0;
        void Flush()
        {
            budget.Take(chunkBytes, stop);
            queue.Add(([.. chunk], chunkBytes), stop);
            chunk.Clear();
            chunkBytes = 0;
        }
        ExceptionDispatchInfo? failure = null;
        try
        {
            try
            {
                using var own = JournalReader.Open(dataDirectory);
                // Read in windows, each its own short read transaction: one statement over millions of records
                // would hold a snapshot for the whole pass, and the writer's log could not be reset meanwhile.
                for (var window = from; window <= to; window += WindowRecords)
                {
                    var windowEnd = to - window < WindowRecords ? to : window + WindowRecords - 1;
                    var read = 0;
                    foreach (var record in own.ReadSeqRange(window, windowEnd))
                    {
                        read++;
                        chunkBytes += record.Args.Length;
                        chunk.Add(transform(record));
                        if (chunk.Count == ChunkRecords || chunkBytes >= ChunkBytes)
                        {
                            Flush();
                        }
                    }
                    if (read == 0)
                    {
                        break; // past the journal's tail (seqs have no gaps)
                    }
                }
            }
            catch (Exception error) when (!stop.IsCancellationRequested)
            {
                failure = ExceptionDispatchInfo.Capture(error);
            }
            if (chunk.Count > 0)
            {
                Flush();
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The consumer stopped early; nothing is owed to it.
        }
        finally
        {
            queue.CompleteAdding();
        }
        return failure;
    }
}
