using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Projections.Runtime.Stages;

namespace Vectra.Projections.Runtime;

/// <summary>
/// Runs projections over the journal: catch up from each checkpoint, then follow live. Records are
/// applied in batches; one views.db transaction holds a batch's state changes and the checkpoints.
/// Each record passes through the projections in the order they are given (<see cref="ProjectionCatalog.All"/>).
/// </summary>
/// <remarks>
/// Failure policy: no record can stop the runner; only the storage can (see <see cref="StorageFailure"/>).
/// <list type="bullet">
/// <item>A projection that throws while applying a record (its handler, its preparation, or a statement the record's
/// values make fail, e.g. a constraint) has that record quarantined for that projection only: the batch is rolled back,
/// every projection forgets its caches, and the batch is applied again with the record skipped and written to
/// <c>projection_errors</c> (counted by <c>status</c>). No partial effect of the record survives.</item>
/// <item>A projection whose Flush throws (state the batch built up cannot be written) names no record: the batch is
/// rolled back and applied again one record per transaction, each flushed and checkpointed on its own; the record whose
/// flush fails is quarantined for that projection and applied again without it.</item>
/// <item>A failure of views.db or the export folder themselves (I/O, disk full, corrupt or read-only file) propagates:
/// nothing of the batch is committed, the caller reports it and exits non-zero, and the next start resumes at the
/// checkpoints.</item>
/// <item>Open tail files are conveniences rewritten from views.db; only a storage failure writing them propagates.</item>
/// </list>
/// </remarks>
public sealed class ProjectionRunner : IDisposable
{
    private readonly ViewsDatabase _views;
    private readonly JournalReader _journal;
    private readonly IReadOnlyList<ProjectionStage> _stages;
    private readonly ProjectionCheckpoints _checkpoints;
    private readonly BatchApplier _batches;

    private ProjectionRunner(ViewsDatabase views, JournalReader journal, IReadOnlyList<ProjectionStage> stages)
    {
        _views = views;
        _journal = journal;
        _stages = stages;
        _checkpoints = ProjectionCheckpoints.Open(views, stages);
        _batches = new BatchApplier(views, journal, stages, _checkpoints);
    }

    /// <summary>Records applied (or quarantined) by this runner since it opened.</summary>
    public long Applied { get; private set; }

    /// <summary>The journal's last committed seq.</summary>
    public long JournalTail => _journal.Tail;

    /// <summary>
    /// Opens views.db (taking its lock) over the journal in <paramref name="dataDirectory"/>. A projection
    /// whose stored version differs from its code's version is dropped and rebuilt from seq 1. A projection that
    /// reads what another did with each record must come after it in <paramref name="projections"/>.
    /// </summary>
    public static ProjectionRunner Open(string dataDirectory, IReadOnlyList<IProjection> projections)
    {
        var stages = Pipeline.Of(projections);
        var journal = JournalReader.Open(dataDirectory);
        ViewsDatabase? views = null;
        try
        {
            views = ViewsDatabase.Open(dataDirectory);
            return new ProjectionRunner(views, journal, stages);
        }
        catch
        {
            views?.Dispose();
            journal.Dispose();
            throw;
        }
    }

    /// <summary>Each projection's checkpoint, lag behind the journal and quarantined count.</summary>
    public IReadOnlyList<ProjectionState> States() => ProjectionStates.Read(_views.Connection, _journal.Tail);

    /// <summary>Drops and recreates the named projections (all when null) so they rebuild from seq 1.</summary>
    public void Reset(IEnumerable<string>? names = null)
    {
        var views = _views.Begin();
        using (var tx = views.Transaction)
        {
            _checkpoints.Reset(names, views);
            tx.Commit();
        }
        _batches.ForgetAll();
    }

    /// <summary>Applies every committed record the projections have not seen, then brings open export files up to date; returns how many were read.</summary>
    public long CatchUp(IProgress<long>? progress = null, CancellationToken cancellation = default) =>
        CatchUpTo(long.MaxValue, progress, cancellation);

    /// <summary>
    /// Applies the records the projections have not seen, up to <paramref name="lastSeq"/>; returns how many were read.
    /// Open export files are rewritten only when everything was applied: a replay calls this often, and
    /// rewriting growing tail files each time would cost more than the replay.
    /// </summary>
    public long CatchUpTo(long lastSeq, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        var read = CatchUpBatches(lastSeq, progress, cancellation);
        if (lastSeq == long.MaxValue)
        {
            WriteOpenFiles(force: true);
        }
        return read;
    }

    /// <summary>
    /// Applies <paramref name="records"/>, already read from this journal in seq order, without reading them again;
    /// returns how many records were applied. Records every projection has passed are skipped, and any the projections
    /// lack before a handed record are read from the journal, so each record is applied once and in order. Open export
    /// files are not rewritten (see <see cref="CatchUpTo"/>).
    /// </summary>
    public long Apply(IReadOnlyList<JournalRecord> records, CancellationToken cancellation = default)
    {
        long applied = 0;
        using var handed = Handed(records).GetEnumerator();
        int batch;
        while (!cancellation.IsCancellationRequested && (batch = _batches.ApplyBatch(handed)) > 0)
        {
            applied += batch;
            Applied += batch;
        }
        return applied;
    }

    /// <summary>Catches up, then applies new records as they are committed, until cancelled.</summary>
    public async Task FollowAsync(CommitSignal? signal, CancellationToken cancellation)
    {
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                if (CatchUpBatches(long.MaxValue, null, cancellation) > 0)
                {
                    WriteOpenFiles(force: false);
                    continue;
                }
                if (signal is not null)
                {
                    await signal.WaitPastAsync(_checkpoints.Min, TimeSpan.FromMilliseconds(250), cancellation);
                }
                else
                {
                    // Another process writes the journal: poll, cheaply (max(seq) is an index lookup).
                    await Task.Delay(TimeSpan.FromMilliseconds(20), cancellation);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping is normal: everything applied so far is committed with its checkpoint.
        }
        WriteOpenFiles(force: true);
    }

    /// <summary>The handed records from the lowest checkpoint on, with the records missing between them read from the journal.</summary>
    private IEnumerable<JournalRecord> Handed(IReadOnlyList<JournalRecord> records)
    {
        var next = _checkpoints.Min + 1;
        foreach (var record in records)
        {
            if (record.Seq < next)
            {
                continue;
            }
            foreach (var missing in record.Seq > next ? _journal.ReadSeqRange(next, record.Seq - 1) : [])
            {
                yield return missing;
            }
            yield return record;
            next = record.Seq + 1;
        }
    }

    private long CatchUpBatches(long lastSeq, IProgress<long>? progress, CancellationToken cancellation)
    {
        long read = 0;
        while (!cancellation.IsCancellationRequested)
        {
            // One pass streams what was committed when it started; the loop picks up later commits.
            var readInPass = 0L;
            using (var records = RecordsAfter(_checkpoints.Min, lastSeq).GetEnumerator())
            {
                int applied;
                while (!cancellation.IsCancellationRequested && (applied = _batches.ApplyBatch(records)) > 0)
                {
                    readInPass += applied;
                    Applied += applied;
                    progress?.Report(_checkpoints.Min);
                }
            }
            if (readInPass == 0)
            {
                break;
            }
            read += readInPass;
        }
        return read;
    }

    /// <summary>
    /// The records after <paramref name="afterSeq"/> up to <paramref name="lastSeq"/>, streamed: a long range is read
    /// ahead on another thread, where each projection also prepares what it will need from them; a few records
    /// (following a live capture) are read here, and prepared as they are applied.
    /// </summary>
    private IEnumerable<JournalRecord> RecordsAfter(long afterSeq, long lastSeq)
    {
        var to = Math.Min(lastSeq, _journal.Tail);
        return to - afterSeq > BatchApplier.BatchSize
            ? _journal.StreamSeqRangeAhead(afterSeq + 1, to, PrepareAhead)
            : _journal.ReadSeqRange(afterSeq + 1, to);
    }

    /// <summary>Lets every projection that has not passed <paramref name="record"/> prepare it (on the read-ahead thread).</summary>
    private JournalRecord PrepareAhead(JournalRecord record)
    {
        for (var i = 0; i < _stages.Count; i++)
        {
            if (!_checkpoints.Passed(i, record.Seq))
            {
                _stages[i].PrepareAhead(record);
            }
        }
        return record;
    }

    /// <summary>Lets projections that keep open files (export tails) rewrite them, in a transaction of their own.</summary>
    private void WriteOpenFiles(bool force)
    {
        if (!_stages.Any(s => s.Projection is IOpenFilesProjection))
        {
            return;
        }
        var views = _views.Begin();
        using var tx = views.Transaction;
        foreach (var projection in _stages.Select(s => s.Projection).OfType<IOpenFilesProjection>())
        {
            try
            {
                projection.WriteOpenFiles(views, force);
            }
            catch (Exception failure) when (!StorageFailure.Is(failure))
            {
                // Every row reached views.db through a record that was applied, so this is not a record's fault; the
                // previous open file stays, and the rows are written when their part closes (where a failure quarantines).
            }
        }
        tx.Commit();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _views.Dispose();
        _journal.Dispose();
    }
}
