using System.Diagnostics;
using Vectra.Journal.Storage;
using Vectra.Journal.Writing;

namespace Vectra.Journal.Blocks;

/// <summary>
/// The writer's sealer, on a thread of its own: when the unsealed tail grows past its bound, it reads the
/// oldest rows on its own read connection, lays them out and compresses them there, and hands the finished
/// block to the writer, which stores it and deletes its rows inside its next commit. The writer only ever
/// spends an insert and a delete on a seal; the reading and compressing never hold up an append. While the writer is
/// behind (appends piling up: <see cref="SealPolicy.BacklogRecordsPerCommit"/>) sealing gives way: one small block per
/// <see cref="SealPolicy.BacklogSealInterval"/>, the rest once the writer has room or the tail reaches
/// <see cref="SealPolicy.BacklogTailFactor"/> times its byte bound.
/// </summary>
/// <remarks>
/// Failure policy: sealing is an optimisation, never a condition of durability. A damaged or missing row,
/// a failed read or a block the writer refuses stops the sealer for good, reported once through
/// <see cref="SealPolicy.OnProblem"/> and <see cref="Problem"/>; records after it simply stay rows until the
/// cause is fixed and `vectra journal compact` runs (so do the records before it in the same block, which a sealer
/// catching up makes up to <see cref="SealPolicy.CatchUpBlockRecords"/> long). A crash at any moment leaves the rows or the block
/// (one transaction holds both), so nothing is lost or doubled. An I/O error while the writer stores a
/// block faults the writer, like any other I/O error in its commits.
/// </remarks>
internal sealed class JournalSealer : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly JournalWriter _writer;
    private readonly CommitPace _writerPace;
    private readonly SealPolicy _policy;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public JournalSealer(JournalWriter writer, CommitPace writerPace, SealPolicy policy)
    {
        _writer = writer;
        _writerPace = writerPace;
        _policy = policy;
        _thread = new Thread(Run) { IsBackground = true, Name = "vectra-journal-sealer" };
        _thread.Start();
    }

    /// <summary>Why sealing stopped, or null while it runs.</summary>
    public string? Problem { get; private set; }

    private void Run()
    {
        try
        {
            using var connection = SqliteOpener.OpenReader(_writer.Files.Database);
            using var rows = new TailRows(connection);
            using var codec = new BlockCodec();
            var next = TailRows.FirstUnsealed(connection);
            var appendedAtStart = _writer.AppendedArgsBytes;
            var tailBytes = UnsealedBytes(connection, next);
            var lastSeal = 0L;
            while (!_stop.IsCancellationRequested)
            {
                var tail = _writer.Tail;
                var unsealedBytes = tailBytes + (_writer.AppendedArgsBytes - appendedAtStart);
                // Nothing is due before a committed row exists at `next`, however many bytes are said to wait.
                var unsealed = tail - next + 1;
                var due = tail >= next && (unsealed > _policy.MaxTailRecords || unsealedBytes > _policy.MaxTailBytes);
                var givingWay = _policy.GivesWay(_writer.Durability, _writerPace.IsCommitting, _writerPace.RecordsPerCommit, unsealedBytes);
                if (due && (!givingWay || Stopwatch.GetElapsedTime(lastSeal) >= _policy.BacklogSealInterval))
                {
                    // Giving way, a small block: a catch-up block's delete would hold the writer's next commit up four times as long.
                    var records = givingWay ? _policy.BlockRecords : _policy.BlockRecordsFor(unsealed);
                    var entries = rows.Read(next, records, _policy.MaxBlockBytes);
                    if (entries.Count == 0)
                    {
                        throw new InvalidOperationException($"the journal has no row at meta_seq {next} to seal");
                    }
                    var block = BlockBuilder.Build(entries, _policy.Level, codec);
                    WaitWithoutSpinning(_writer.SealAsync(block));
                    next = block.LastSeq + 1;
                    tailBytes -= block.ArgsBytes;
                    lastSeal = Stopwatch.GetTimestamp();
                    continue;
                }
                // Polled, not woken by every commit: under `always` a commit every few hundred µs woke this thread and a
                // pool thread each time, beside the appender waiting for its fsync. At full speed a poll is a thousand
                // records late at most, a quarter of the tail's bound.
                _stop.Token.WaitHandle.WaitOne(PollInterval);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception error) when (_writer.Fault is null)
        {
            Problem = $"sealing stopped, records stay uncompressed rows from here on: {error.Message}";
            _policy.OnProblem?.Invoke(Problem);
        }
        catch (Exception)
        {
            // The writer faulted and reports that itself; a sealer has nothing to add.
        }
    }

    /// <summary>
    /// Blocks until <paramref name="task"/> completes, on a kernel wait. A plain <c>GetResult()</c> spins first, and the
    /// sealer waits milliseconds for each commit: its spinning took more wall time than reading and compressing together
    /// in a full-speed capture (BENCHMARKS.md, "The open points after the eleventh session's merges"), on the two cores
    /// the capture itself needs.
    /// </summary>
    private static void WaitWithoutSpinning(Task task)
    {
        try
        {
            if (!task.IsCompleted)
            {
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            }
            task.GetAwaiter().GetResult();
        }
        finally
        {
            task.Dispose(); // frees the wait handle at once instead of at finalization
        }
    }

    private static long UnsealedBytes(Microsoft.Data.Sqlite.SqliteConnection connection, long next)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(sum(length(args)), 0) FROM journal WHERE seq >= $next";
        command.Parameters.AddWithValue("$next", next);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Stops after the block in hand (the writer must still be running to store it).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }
}
