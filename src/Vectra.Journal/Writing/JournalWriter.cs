using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Errors;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Writing;

/// <summary>
/// The journal's single writer. Appends from any thread queue up; one dedicated thread assigns
/// <c>meta_seq</c>, inserts and commits, and completes each append only after its commit is durable
/// under the <see cref="Durability"/> policy. Its sealer (see <see cref="SealPolicy"/>) compresses old rows
/// into blocks on another thread; the writer stores each block and deletes its rows inside one of its commits.
/// </summary>
/// <remarks>
/// Failure policy: any exception while inserting or committing faults the writer for good. The failed
/// batch and everything still queued complete with <see cref="JournalFaultedException"/>; nothing is
/// retried, because a failed fsync may have lost pages the OS already reported as written. The owner
/// must report the fault and exit non-zero; the next start recovers to the last durable commit.
/// Opening refuses a journal whose last record fails its checksum (nothing is appended to a damaged
/// journal), and a close whose checkpoint a reader keeps busy is reported through <see cref="Warning"/>
/// after the write-ahead log is fsynced, so its records stay durable there.
/// </remarks>
public sealed partial class JournalWriter : IDisposable, IAsyncDisposable
{
    private readonly AppendQueue _queue = new();
    private readonly Acknowledger _acknowledger = new();
    // Held by whoever commits: the writer thread from taking a batch until it is published, or an appender that
    // commits its own record inline (see TryCommitInline). Requests are taken from the queue only under it, so
    // holding it with the queue empty means nothing appended earlier is still waiting to commit.
    private readonly Lock _commitGate = new();
    private readonly List<AppendRequest> _inline = [];
    private bool _closing;
    private readonly WriterLock _lock;
    private readonly SqliteConnection _connection;
    private readonly BatchCommitter _committer;
    private readonly Thread _thread;
    private readonly JournalSealer? _sealer;
    private long _appendedArgsBytes;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextSeq;
    private long _commits;
    private volatile JournalFaultedException? _fault;

    private JournalWriter(JournalFiles files, Durability durability, WriterLock writerLock, SqliteConnection connection, long tail, SealPolicy sealing)
    {
        PositionsAtOpen = NamedPositions.ReadAll(connection);
        Files = files;
        Durability = durability;
        _lock = writerLock;
        _connection = connection;
        _committer = new BatchCommitter(connection, files.WriteAheadLog);
        _nextSeq = tail + 1;
        Signal.Publish(_nextSeq - 1);
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "vectra-journal-writer" };
        _thread.Start();
        _sealer = sealing.Enabled ? new JournalSealer(this, _committer.Pace, sealing) : null;
    }

    /// <summary>The journal's files.</summary>
    public JournalFiles Files { get; }

    /// <summary>When appends are acknowledged.</summary>
    public Durability Durability { get; }

    /// <summary>Wakes in-process readers after every commit.</summary>
    public CommitSignal Signal { get; } = new();

    /// <summary>The named positions stored with earlier appends (<see cref="AppendBatchAsync(IReadOnlyList{NewRecord}, IReadOnlyList{JournalPosition})"/>), as they were when the writer opened.</summary>
    public IReadOnlyDictionary<string, long> PositionsAtOpen { get; }

    /// <summary>The last committed seq (0 for an empty journal).</summary>
    public long Tail => Signal.Head;

    /// <summary>Transactions committed since the writer opened: under <c>always</c> one per append, under <c>batch</c> one per group.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Blocks the sealer stored in place of rows since the writer opened, and the records they hold.</summary>
    public (long Blocks, long Records) Sealed => _committer.Sealed;

    /// <summary>The fault that stopped the writer, or null while it is healthy.</summary>
    public JournalFaultedException? Fault => _fault;

    /// <summary>Completes when the writer thread has stopped, after disposal or a fault.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>Why sealing stopped (records then stay rows), or null while it runs or when it is off.</summary>
    public string? SealingProblem => _sealer?.Problem;

    /// <summary>What keeps the write-ahead log from growing without end while readers never pause.</summary>
    internal WalBound Wal => _committer.Wal;

    /// <summary>Args bytes appended since this writer opened (the sealer's measure of the growing tail).</summary>
    internal long AppendedArgsBytes => Interlocked.Read(ref _appendedArgsBytes);

    /// <summary>Receives what the writer could not do as it should but did not lose data over (a busy checkpoint at close); without a handler it goes to stderr.</summary>
    public event Action<string>? Warning;

    /// <summary>
    /// Opens (creating if needed) the journal in <paramref name="dataDirectory"/> for writing; fails at once if
    /// another process writes it. Old rows are sealed into compressed blocks as <paramref name="sealing"/> says
    /// (default: <see cref="SealPolicy.Default"/>).
    /// </summary>
    public static JournalWriter Open(string dataDirectory, Durability durability, SealPolicy? sealing = null)
    {
        sealing = (sealing ?? SealPolicy.Default).Checked();
        Directory.CreateDirectory(dataDirectory);
        var files = new JournalFiles(dataDirectory);
        return JournalOpener.Open(files, durability, (writerLock, connection, tail) => new JournalWriter(files, durability, writerLock, connection, tail, sealing));
    }

    /// <summary>
    /// Appends one record; the task completes with its seq once it is durable. Under <c>always</c>, when nothing else
    /// is being committed, the commit runs on the calling thread and the task is already complete when this returns.
    /// </summary>
    public async Task<long> AppendAsync(NewRecord record) => (await AppendBatchAsync([record])).First;

    /// <summary>Appends records atomically in one transaction; the task completes with their seqs once durable (on the calling thread under <c>always</c> when the writer is idle).</summary>
    public Task<SeqRange> AppendBatchAsync(IReadOnlyList<NewRecord> records) => Enqueue(records, expectedFirstSeq: 0);

    /// <summary>Appends records (possibly none) and stores <paramref name="positions"/> in the same transaction, so a copying consumer resumes exactly after what is durable.</summary>
    public Task<SeqRange> AppendBatchAsync(IReadOnlyList<NewRecord> records, IReadOnlyList<JournalPosition> positions)
    {
        if (positions.Count == 0)
        {
            return Enqueue(records, expectedFirstSeq: 0);
        }
        ArgsValidation.CheckAll(records);
        return _queue.Add(new AppendRequest(records, 0, positions), _fault, "the journal writer is closed; nothing more can be appended.");
    }

    /// <summary>Appends records that already carry their seqs (an exact import); the first must be the journal's next seq, else <see cref="JournalSequenceException"/>.</summary>
    public Task<SeqRange> AppendExactAsync(IReadOnlyList<JournalRecord> records)
    {
        return Enqueue(ExactRecords.AsNew(records), records.Count == 0 ? 0 : records[0].Seq);
    }

    /// <summary>Stores <paramref name="block"/> in place of its rows within the next commit; completes with its seqs once committed.</summary>
    internal Task<SeqRange> SealAsync(SealedBlock block) =>
        _queue.Add(new AppendRequest(block), _fault, "the journal writer is closed; nothing more can be sealed.");

    private Task<SeqRange> Enqueue(IReadOnlyList<NewRecord> records, long expectedFirstSeq)
    {
        if (records.Count == 0)
        {
            throw new JournalInputException("an append needs at least one record.");
        }
        ArgsValidation.CheckAll(records);
        var request = new AppendRequest(records, expectedFirstSeq);
        return TryCommitInline(request) ? request.Task : _queue.Add(request, _fault, "the journal writer is closed; nothing more can be appended.");
    }

    /// <summary>
    /// Under <c>always</c>, an append that finds nothing queued and no commit running commits on the caller's thread under
    /// the commit gate (so commits stay one at a time, in queue order): no hop to the writer thread and back, two context
    /// switches that each wait for a time slice on a busy machine. Grouped policies gain from appends joining a commit.
    /// </summary>
    private bool TryCommitInline(AppendRequest request)
    {
        if (Durability.GroupsCommits || !_queue.IsEmpty || !_commitGate.TryEnter())
        {
            return false;
        }
        try
        {
            if (_closing || _fault is not null || !_queue.IsEmpty)
            {
                return false;
            }
            _inline.Add(request);
            Commit(_inline);
            _inline.Clear();
            return true;
        }
        finally
        {
            _commitGate.Exit();
        }
    }

    private void WriteLoop()
    {
        var batch = new List<AppendRequest>();
        try
        {
            while (_queue.WaitForWork())
            {
                lock (_commitGate)
                {
                    if (_fault is not null)
                    {
                        return;
                    }
                    _queue.TakeBatch(batch, Durability.GroupsCommits);
                    if (!Commit(batch))
                    {
                        return;
                    }
                    batch.Clear();
                }
            }
        }
        catch (Exception error)
        {
            // Normally the fault of an inline commit, which failed the queue (and so this wait) already.
            lock (_commitGate)
            {
                if (_fault is null)
                {
                    Fail(error, batch);
                }
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>Faults the writer for good (called under the commit gate): the failed batch and everything queued fail with it.</summary>
    private void Fail(Exception error, List<AppendRequest> batch)
    {
        _fault = JournalFaultedException.FromWriteError(error);
        _queue.Fail(_fault);
        foreach (var request in batch)
        {
            request.TrySetException(_fault);
        }
    }

    /// <summary>Commits <paramref name="batch"/> (under the commit gate) and acknowledges it; false when it failed, which faulted the writer.</summary>
    private bool Commit(List<AppendRequest> batch)
    {
        var committed = false;
        try
        {
            var next = _committer.Commit(batch, _nextSeq, ref _appendedArgsBytes);
            committed = true;
            Interlocked.Increment(ref _commits);
            _nextSeq = next;
            Signal.Publish(next - 1);
            _acknowledger.Acknowledge(_committer.Accepted);
            _committer.Wal.AfterCommit();
            return true;
        }
        catch (Exception error)
        {
            // After the commit (a failed checkpoint) the batch is durable: its requests keep their results.
            Fail(error, committed ? [] : batch);
            return false;
        }
    }

    /// <summary>Stops taking appends, commits what is queued, makes everything durable and releases the lock.</summary>
    public void Dispose()
    {
        _sealer?.Dispose();
        lock (_commitGate)
        {
            _closing = true;
        }
        _queue.Close();
        _thread.Join();
        _acknowledger.WaitForAll();
        try
        {
            if (_fault is null)
            {
                _committer.StoreSessions(_nextSeq - 1);
                CloseCheckpoint.Run(_connection, Files, Warning);
            }
        }
        catch (SqliteException error)
        {
            throw SqliteFailures.Describe(error, Files.Database);
        }
        finally
        {
            _committer.Dispose();
            _connection.Dispose();
            _lock.Dispose();
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
