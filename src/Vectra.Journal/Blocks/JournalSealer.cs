using Vectra.Journal.Storage;
using Vectra.Journal.Threading;
using Vectra.Journal.Writing;

namespace Vectra.Journal.Blocks;

/// <summary>
/// The writer's sealer: when the unsealed tail grows past its bound, it reads the oldest rows on a read connection
/// of its own, lays them out and compresses them there, and hands the finished block to the writer, which stores it
/// and deletes its rows inside its next commit. The writer only ever spends an insert and a delete on a seal; the
/// reading and compressing never hold up an append.
/// </summary>
/// <remarks>
/// <para>
/// Priority: the sealing runs on a thread at the lowest CPU priority (Linux nice 19), so on a machine with no core to
/// spare, such as a capture at full speed, it uses only what the capture leaves idle and the unsealed tail may grow
/// past its bound. Past <see cref="UrgentFactor"/> times the bound (records or bytes) a second thread at normal
/// priority seals too, so the tail stays under that hard bound however saturated the machine is. An unprivileged
/// thread cannot raise its own priority again, hence two threads; when both build the same run, the first to hand
/// it over wins and the other drops its copy.
/// </para>
/// <para>
/// Stopping: a starved nice-19 thread may be in the middle of a block for seconds, so <see cref="Dispose"/> never waits
/// for one. Once stopping, no block is handed over any more, and each thread gets at most <see cref="StopWait"/> to
/// end; a thread still busy then finishes its block on its own, finds the hand-over refused and ends, taking its read
/// connection with it. Nothing is lost by that: a run's rows stay rows until a block replaces them in one transaction,
/// so a block not stored is sealed the next time a writer opens the journal.
/// </para>
/// <para>
/// Failure policy: sealing is an optimisation, never a condition of durability. A damaged or missing row,
/// a failed read or a block the writer refuses stops the sealer for good, reported once through
/// <see cref="SealPolicy.OnProblem"/> and <see cref="Problem"/>; records after it simply stay rows until the
/// cause is fixed and `vectra journal compact` runs. A crash at any moment leaves the rows or the block
/// (one transaction holds both), so nothing is lost or doubled. An I/O error while the writer stores a
/// block faults the writer, like any other I/O error in its commits.
/// </para>
/// </remarks>
internal sealed class JournalSealer : IDisposable
{
    /// <summary>How many times its bound the unsealed tail may reach before sealing runs at normal priority.</summary>
    public const int UrgentFactor = 4;

    /// <summary>The longest <see cref="Dispose"/> waits for both sealing threads together before leaving them to end on their own.</summary>
    public static readonly TimeSpan StopWait = TimeSpan.FromMilliseconds(10);

    private const int IdleNice = 19;

    private readonly JournalWriter _writer;
    private readonly SealPolicy _policy;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _handOver = new();
    private readonly Thread _idle;
    private readonly Thread _urgent;
    private readonly long _appendedAtStart;
    private long _next = -1;
    private long _sealedBytes;
    private long _tailBytesAtStart = -1;
    private string? _problem;
    private bool _stopping;

    public JournalSealer(JournalWriter writer, SealPolicy policy)
    {
        _writer = writer;
        _policy = policy;
        _appendedAtStart = writer.AppendedArgsBytes;
        _idle = new Thread(() => Run(urgent: false)) { IsBackground = true, Name = "vectra-seal-idle" };
        _urgent = new Thread(() => Run(urgent: true)) { IsBackground = true, Name = "vectra-seal-urgent" };
        _idle.Start();
        _urgent.Start();
    }

    /// <summary>Why sealing stopped, or null while it runs.</summary>
    public string? Problem => Volatile.Read(ref _problem);

    private void Run(bool urgent)
    {
        try
        {
            using var connection = SqliteOpener.OpenReader(_writer.Files.Database);
            using var rows = new TailRows(connection, _policy.WhileReadingForTest);
            using var codec = new BlockCodec();
            Start(connection);
            if (!urgent)
            {
                // Only after Start: a starved thread must not hold the lock the urgent one waits for.
                ThreadNice.TryLowerBy(IdleNice);
            }
            var factor = urgent ? UrgentFactor : 1;
            while (!_stop.IsCancellationRequested && Problem is null)
            {
                var tail = _writer.Tail;
                var first = Volatile.Read(ref _next);
                if (!Due(tail, first, factor))
                {
                    _writer.Signal.WaitPastAsync(tail, TimeSpan.FromMilliseconds(250), _stop.Token).GetAwaiter().GetResult();
                    continue;
                }
                SealedBlock block;
                try
                {
                    var entries = rows.Read(first, _policy.BlockRecords, _policy.MaxBlockBytes);
                    if (entries.Count == 0)
                    {
                        throw new InvalidOperationException($"the journal has no row at meta_seq {first} to seal");
                    }
                    _policy.BeforeCompressForTest?.Invoke();
                    block = BlockBuilder.Build(entries, _policy.Level, codec);
                }
                catch (Exception) when (Volatile.Read(ref _next) != first)
                {
                    continue; // the other thread sealed these rows while this one read them
                }
                HandOver(block);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception error) when (_writer.Fault is null && !Volatile.Read(ref _stopping))
        {
            var problem = $"sealing stopped, records stay uncompressed rows from here on: {error.Message}";
            if (Interlocked.CompareExchange(ref _problem, problem, null) is null)
            {
                _policy.OnProblem?.Invoke(problem);
            }
        }
        catch (Exception)
        {
            // The writer faulted and reports that itself, or it is closing and the block is simply sealed next time.
        }
    }

    /// <summary>The first thread in finds where sealing resumes and how many args bytes the unsealed rows hold.</summary>
    private void Start(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        lock (_handOver)
        {
            if (_next < 0)
            {
                _tailBytesAtStart = UnsealedBytes(connection, TailRows.FirstUnsealed(connection));
                Volatile.Write(ref _next, TailRows.FirstUnsealed(connection));
            }
        }
    }

    private bool Due(long tail, long first, int factor)
    {
        var unsealedBytes = Interlocked.Read(ref _tailBytesAtStart) - Interlocked.Read(ref _sealedBytes)
            + (_writer.AppendedArgsBytes - _appendedAtStart);
        // Nothing is due before a committed row exists at `first`, however many bytes are said to wait.
        return tail >= first && (tail - first + 1 > (long)_policy.MaxTailRecords * factor || unsealedBytes > _policy.MaxTailBytes * factor);
    }

    /// <summary>
    /// Has the writer store <paramref name="block"/>, unless the other thread already handed over its rows. Blocks reach the
    /// writer in seq order (the check and the queueing share the lock), and the lock is never held while the writer works,
    /// so a starved low-priority thread cannot keep the urgent one waiting. Once stopping, nothing is handed over: the
    /// writer is about to close and must not wait for a block a starved thread finishes late.
    /// </summary>
    private void HandOver(SealedBlock block)
    {
        Task<SeqRange> stored;
        lock (_handOver)
        {
            if (_next != block.FirstSeq || Volatile.Read(ref _stopping))
            {
                return;
            }
            stored = _writer.SealAsync(block);
            Interlocked.Add(ref _sealedBytes, block.ArgsBytes);
            Volatile.Write(ref _next, block.LastSeq + 1);
        }
        stored.GetAwaiter().GetResult();
    }

    private static long UnsealedBytes(Microsoft.Data.Sqlite.SqliteConnection connection, long next)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(sum(length(args)), 0) FROM journal WHERE seq >= $next";
        command.Parameters.AddWithValue("$next", next);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Refuses further blocks and waits at most <see cref="StopWait"/> for the threads; one still busy ends on its own
    /// (a block already handed over is stored by the writer, which must still be running, as it drains its queue).
    /// </summary>
    public void Dispose()
    {
        Volatile.Write(ref _stopping, true);
        _stop.Cancel();
        var deadline = Environment.TickCount64 + (long)StopWait.TotalMilliseconds;
        var ended = _idle.Join(StopWait) & _urgent.Join(TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64)));
        if (ended)
        {
            _stop.Dispose(); // a thread still running reads its token, so only a joined sealer releases it
        }
    }
}
