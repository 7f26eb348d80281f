using Vectra.Projections.Parquet.Columns;
using Vectra.Projections.Parquet.Thrift;

namespace Vectra.Projections.Parquet.Writing;

/// <summary>
/// Writes the column chunks of a row group in column order. With more than one encoding thread the chunks are
/// encoded side by side, each by its own <see cref="ColumnChunkWriter"/> into its own buffer, while the chunks
/// already done are written out; the file's bytes do not depend on the number of threads. With more than one thread,
/// pages that are complete before the row group is (see <see cref="ColumnChunkWriter.FixedPageRows"/>) are compressed
/// while rows still arrive, on one thread fewer than the encoding threads, leaving one for the caller.
/// </summary>
internal sealed class RowGroupWriter : IDisposable
{
    private readonly ColumnChunkWriter[] _chunkWriters;
    private readonly TaskScheduler _scheduler;
    private readonly TaskScheduler? _earlyScheduler;
    private readonly ParquetWriterOptions _options;
    private readonly int _threads;

    public RowGroupWriter(ParquetWriterOptions options, int columnCount)
    {
        _options = options;
        _threads = Math.Min(options.EncodingThreads, columnCount);
        _chunkWriters = [.. Enumerable.Range(0, _threads == 1 ? 1 : columnCount).Select(_ => new ColumnChunkWriter(options))];
        _scheduler = _threads == 1
            ? TaskScheduler.Default
            : new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, _threads).ConcurrentScheduler;
        _earlyScheduler = _threads == 1
            ? null
            : new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, _threads - 1).ConcurrentScheduler;
    }

    /// <summary>
    /// Starts every data page that the first <paramref name="rowsInGroup"/> rows complete and that was not started yet;
    /// returns the row count at which the next such page completes (<see cref="int.MaxValue"/> when none will).
    /// </summary>
    public int StartCompletePages(IReadOnlyList<ColumnBuffer> columns, int rowsInGroup)
    {
        if (_earlyScheduler is null)
        {
            return int.MaxValue;
        }
        var next = int.MaxValue;
        for (var i = 0; i < columns.Count; i++)
        {
            var pageRows = ColumnChunkWriter.FixedPageRows(columns[i], _options);
            if (pageRows == 0)
            {
                continue;
            }
            var writer = _chunkWriters[i];
            while (writer.EarlyRows + pageRows <= rowsInGroup)
            {
                writer.StartEarlyPage(columns[i], pageRows, _earlyScheduler);
            }
            next = Math.Min(next, writer.EarlyRows + pageRows);
        }
        return next;
    }

    public ColumnChunk[] Write(IReadOnlyList<ColumnBuffer> columns, FileOutput output) =>
        _threads == 1 ? WriteSequentially(columns, output) : WriteInParallel(columns, output);

    public void Dispose()
    {
        foreach (var writer in _chunkWriters)
        {
            writer.Dispose();
        }
    }

    private ColumnChunk[] WriteSequentially(IReadOnlyList<ColumnBuffer> columns, FileOutput output)
    {
        var chunks = new ColumnChunk[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            chunks[i] = WriteEncoded(_chunkWriters[0], _chunkWriters[0].Encode(columns[i]), output);
        }
        return chunks;
    }

    private ColumnChunk[] WriteInParallel(IReadOnlyList<ColumnBuffer> columns, FileOutput output)
    {
        var encodings = new Task<ColumnChunk>[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var (writer, column) = (_chunkWriters[i], columns[i]);
            encodings[i] = Task.Factory.StartNew(() => writer.Encode(column), CancellationToken.None, TaskCreationOptions.None, _scheduler);
        }
        try
        {
            var chunks = new ColumnChunk[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                chunks[i] = WriteEncoded(_chunkWriters[i], encodings[i].GetAwaiter().GetResult(), output);
            }
            return chunks;
        }
        catch
        {
            // The buffers must not be reused or returned to the pool while an encoding still runs.
            WaitQuietly(encodings);
            throw;
        }
    }

    private static ColumnChunk WriteEncoded(ColumnChunkWriter writer, ColumnChunk chunk, FileOutput output)
    {
        var at = output.Position;
        writer.WriteEncodedTo(output);
        return chunk.MovedTo(at);
    }

    private static void WaitQuietly(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // Already reported through the first failure.
        }
    }
}
