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
        return Enumerate(reader.Files.DataDirectory, from, to, transform, lend: false);
    }

    /// <summary>
    /// The same range and transform, without copying the args of records read from sealed blocks: a record's args
    /// (<see cref="Records.JournalRecord.ArgsSpan"/>, and whatever the transform kept of them) stay valid only until the
    /// consumer moves past the record, after which its block's buffer is reused; <see cref="Records.JournalRecord.Args"/>,
    /// called before then, gives a copy to keep. For a consumer that is done with each record when it takes the next
    /// (a catch-up applying records), it saves a copy and an allocation of every record's args.
    /// </summary>
    public static IEnumerable<T> StreamSeqRangeAhead<T>(this JournalReader reader, long from, long to, Func<Records.JournalRecord, T> transform)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(transform);
        return Enumerate(reader.Files.DataDirectory, from, to, transform, lend: true);
    }

    private static IEnumerable<T> Enumerate<T>(string dataDirectory, long from, long to, Func<Records.JournalRecord, T> transform, bool lend)
    {
        var queue = new ReadAheadQueue<Chunk<T>>(QueuedChunks);
        using var stop = new CancellationTokenSource();
        var budget = new ReadAheadBudget(MaxQueuedBytes);
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() => failure = Produce(dataDirectory, from, to, transform, lend, queue, budget, stop.Token))
        {
            IsBackground = true,
            Name = "journal read-ahead",
        };
        producer.Start();
        try
        {
            while (queue.TryTake(out var taken))
            {
                foreach (var record in taken.Records)
                {
                    yield return record;
                }
                // The consumer asked for the record after the chunk's last: it is done with every record of the chunk.
                foreach (var block in taken.Blocks)
                {
                    block.Release();
                }
                budget.Return(taken.Bytes);
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
        string dataDirectory, long from, long to, Func<Records.JournalRecord, T> transform, bool lend, ReadAheadQueue<Chunk<T>> queue,
        ReadAheadBudget budget, CancellationToken stop)
    {
        var chunk = new List<T>(ChunkRecords);
        var blocks = new List<LentBlock>(2);
        long chunkBytes = 0;
        void Flush()
        {
            budget.Take(chunkBytes, stop);
            queue.Add(new Chunk<T>([.. chunk], chunkBytes, blocks.Count == 0 ? [] : [.. blocks]), stop);
            chunk.Clear();
            blocks.Clear();
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
                    foreach (var record in lend ? own.ReadSeqRangeLent(window, windowEnd) : own.ReadSeqRange(window, windowEnd))
                    {
                        read++;
                        // Held before the reader opens the next block and lets go of this one.
                        if (record.Block is { } block && (blocks.Count == 0 || blocks[^1] != block))
                        {
                            block.Hold();
                            blocks.Add(block);
                        }
                        chunkBytes += record.ArgsLength;
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

    /// <summary>Records read ahead, their args' bytes, and the blocks they borrow from (released when the consumer is done with them).</summary>
    private sealed record Chunk<T>(T[] Records, long Bytes, LentBlock[] Blocks);
}
