using Microsoft.Data.Sqlite;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Projections.Runtime;

/// <summary>
/// Runs projections over the journal: catch up from each checkpoint, then follow live. Records are
/// applied in batches; one views.db transaction holds a batch's state changes and the checkpoints.
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
    private const int BatchSize = 5000;

    private readonly ViewsDatabase _views;
    private readonly JournalReader _journal;
    private readonly IReadOnlyList<IProjection> _projections;
    private readonly long[] _checkpoints;
    private readonly PreparedStatements _prepared;

    private ProjectionRunner(ViewsDatabase views, JournalReader journal, IReadOnlyList<IProjection> projections)
    {
        _views = views;
        _journal = journal;
        _projections = projections;
        _checkpoints = new long[projections.Count];
        _prepared = new PreparedStatements(views.Connection);
    }

    /// <summary>Records applied (or quarantined) by this runner since it opened.</summary>
    public long Applied { get; private set; }

    /// <summary>
    /// Opens views.db (taking its lock) over the journal in <paramref name="dataDirectory"/>. A projection
    /// whose stored version differs from its code's version is dropped and rebuilt from seq 1.
    /// </summary>
    public static ProjectionRunner Open(string dataDirectory, IReadOnlyList<IProjection> projections)
    {
        var journal = JournalReader.Open(dataDirectory);
        ViewsDatabase? views = null;
        try
        {
            views = ViewsDatabase.Open(dataDirectory);
            var runner = new ProjectionRunner(views, journal, projections);
            runner.Prepare();
            return runner;
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
        var chosen = names is null ? null : WithUpstreams(names);
        using var tx = _views.Connection.BeginTransaction();
        var views = Views(tx);
        for (var i = 0; i < _projections.Count; i++)
        {
            if (chosen is null || chosen.Contains(_projections[i].Name))
            {
                ResetOne(i, views);
            }
        }
        tx.Commit();
        foreach (var projection in _projections)
        {
            projection.Forget();
        }
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
        while (!cancellation.IsCancellationRequested && (batch = ApplyBatch(handed)) > 0)
        {
            applied += batch;
        }
        return applied;
    }

    private IEnumerable<PreparedRecord> Handed(IReadOnlyList<JournalRecord> records)
    {
        var next = _checkpoints.Min() + 1;
        foreach (var record in records)
        {
            if (record.Seq < next)
            {
                continue;
            }
            foreach (var missing in record.Seq > next ? _journal.ReadSeqRange(next, record.Seq - 1) : [])
            {
                yield return Prepare(missing);
            }
            yield return Prepare(record);
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
            using (var records = RecordsAfter(_checkpoints.Min(), lastSeq).GetEnumerator())
            {
                int applied;
                while (!cancellation.IsCancellationRequested && (applied = ApplyBatch(records)) > 0)
                {
                    readInPass += applied;
                    progress?.Report(_checkpoints.Min());
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
    /// The records after <paramref name="afterSeq"/> up to <paramref name="lastSeq"/>, streamed: a long
    /// range is read ahead on another thread; a few records (following a live capture) are read here.
    /// </summary>
    private IEnumerable<PreparedRecord> RecordsAfter(long afterSeq, long lastSeq)
    {
        var to = Math.Min(lastSeq, _journal.Tail);
        return to - afterSeq > BatchSize
            ? _journal.ReadSeqRangeAhead(afterSeq + 1, to, Prepare)
            : _journal.ReadSeqRange(afterSeq + 1, to).Select(Prepare);
    }

    private PreparedRecord Prepare(JournalRecord record) => PreparedRecord.Of(record, _projections, _checkpoints);

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
                    await signal.WaitPastAsync(_checkpoints.Min(), TimeSpan.FromMilliseconds(250), cancellation);
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

    /// <summary>Lets projections that keep open files (export tails) rewrite them, in a transaction of their own.</summary>
    private void WriteOpenFiles(bool force)
    {
        if (!_projections.Any(p => p is IOpenFilesProjection))
        {
            return;
        }
        using var tx = _views.Connection.BeginTransaction();
        var views = Views(tx);
        foreach (var projection in _projections.OfType<IOpenFilesProjection>())
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

    /// <summary>The named projections and, transitively, the projections they read (see <see cref="IUpstreamProjection"/>).</summary>
    private HashSet<string> WithUpstreams(IEnumerable<string> names)
    {
        var chosen = names.ToHashSet(StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var projection in _projections)
            {
                if (chosen.Contains(projection.Name) && projection is IUpstreamProjection { Upstream: var upstream })
                {
                    grew |= chosen.Add(upstream);
                }
            }
        }
        while (grew);
        return chosen;
    }

    /// <summary>The journal's last committed seq.</summary>
    public long JournalTail => _journal.Tail;

    private void Prepare()
    {
        var stored = new Dictionary<string, (int Version, long Seq)>();
        using (var command = _views.Connection.CreateCommand())
        {
            command.CommandText = "SELECT name, version, seq FROM projection_checkpoints";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt64(2));
            }
        }
        var stale = WithUpstreams(_projections
            .Where(p => !stored.TryGetValue(p.Name, out var known) || known.Version != p.Version)
            .Select(p => p.Name));
        using var tx = _views.Connection.BeginTransaction();
        var views = Views(tx);
        for (var i = 0; i < _projections.Count; i++)
        {
            var projection = _projections[i];
            if (!stale.Contains(projection.Name))
            {
                projection.Create(views);
                _checkpoints[i] = stored[projection.Name].Seq;
            }
            else
            {
                ResetOne(i, views);
            }
        }
        tx.Commit();
    }

    private void ResetOne(int index, ViewsTransaction views)
    {
        var projection = _projections[index];
        projection.Drop(views);
        projection.Create(views);
        views.Execute("DELETE FROM projection_errors WHERE projection = $name", ("$name", projection.Name));
        views.Execute(
            "INSERT INTO projection_checkpoints (name, version, seq) VALUES ($name, $version, 0) ON CONFLICT (name) DO UPDATE SET version = excluded.version, seq = 0",
            ("$name", projection.Name), ("$version", projection.Version));
        _checkpoints[index] = 0;
    }

    /// <summary>
    /// Applies up to <see cref="BatchSize"/> records from <paramref name="records"/> in one transaction;
    /// returns how many (0 when the stream is done). Records are not kept: when a handler fails, the batch
    /// is rolled back and the records taken so far are read again from the journal, the failed one quarantined.
    /// When a flush fails (it cannot name a record), the batch is rolled back and applied again record by record.
    /// </summary>
    private int ApplyBatch(IEnumerator<PreparedRecord> records)
    {
        var quarantined = new Dictionary<(int Projection, long Seq), string>();
        long first = 0, last = 0;
        var taken = 0;
        while (true)
        {
            try
            {
                using var tx = _views.Connection.BeginTransaction();
                var views = Views(tx);
                if (taken > 0)
                {
                    foreach (var record in _journal.ReadSeqRange(first, last))
                    {
                        Apply(Prepare(record), views, quarantined);
                    }
                }
                while (taken < BatchSize && records.MoveNext())
                {
                    var record = records.Current;
                    first = taken++ == 0 ? record.Record.Seq : first;
                    last = record.Record.Seq;
                    Apply(record, views, quarantined);
                }
                if (taken == 0)
                {
                    return 0;
                }
                var moved = Checkpoint(views, last);
                tx.Commit();
                // The checkpoints in memory move only once the commit succeeded.
                moved.CopyTo(_checkpoints, 0);
                Applied += taken;
                return taken;
            }
            catch (RecordFailure failure)
            {
                ForgetAll();
                quarantined[(failure.ProjectionIndex, failure.Seq)] = failure.Message;
            }
            catch (FlushFailure)
            {
                ForgetAll();
                foreach (var record in _journal.ReadSeqRange(first, last))
                {
                    ApplyAlone(record, quarantined);
                }
                Applied += taken;
                return taken;
            }
        }
    }

    /// <summary>
    /// Applies one record in a transaction of its own, flushed and checkpointed, so that a failing flush names its
    /// record: that record is quarantined for the projection whose flush failed, and applied again without it.
    /// </summary>
    private void ApplyAlone(JournalRecord record, Dictionary<(int Projection, long Seq), string> quarantined)
    {
        while (true)
        {
            try
            {
                using var tx = _views.Connection.BeginTransaction();
                var views = Views(tx);
                Apply(Prepare(record), views, quarantined);
                var moved = Checkpoint(views, record.Seq);
                tx.Commit();
                moved.CopyTo(_checkpoints, 0);
                return;
            }
            catch (RecordFailure failure)
            {
                ForgetAll();
                quarantined[(failure.ProjectionIndex, failure.Seq)] = failure.Message;
            }
            catch (FlushFailure failure)
            {
                ForgetAll();
                if (!quarantined.TryAdd((failure.ProjectionIndex, record.Seq), failure.Message))
                {
                    // The projection flushes nothing of this record now, so what fails is state it committed before.
                    throw new InvalidOperationException(
                        $"Projection {_projections[failure.ProjectionIndex].Name} cannot flush its state even without record {record.Seq}: {failure.Message}",
                        failure.InnerException);
                }
            }
        }
    }

    private void ForgetAll()
    {
        foreach (var projection in _projections)
        {
            projection.Forget();
        }
    }

    private void Apply(PreparedRecord prepared, ViewsTransaction views, Dictionary<(int Projection, long Seq), string> quarantined)
    {
        var record = prepared.Record;
        for (var i = 0; i < _projections.Count; i++)
        {
            if (record.Seq <= _checkpoints[i])
            {
                continue;
            }
            if (quarantined.Count > 0 && quarantined.TryGetValue((i, record.Seq), out var error))
            {
                views.Execute(
                    "INSERT OR REPLACE INTO projection_errors (projection, meta_seq, event, error) VALUES ($p, $s, $e, $m)",
                    ("$p", _projections[i].Name), ("$s", record.Seq), ("$e", record.Event), ("$m", error));
                continue;
            }
            try
            {
                _projections[i].Apply(record, prepared.For(i), views);
            }
            catch (Exception failure) when (!StorageFailure.Is(failure))
            {
                throw new RecordFailure(i, record.Seq, failure);
            }
        }
    }

    /// <summary>Flushes every projection and writes its checkpoint at <paramref name="last"/>; the commit makes both durable together.</summary>
    private long[] Checkpoint(ViewsTransaction views, long last)
    {
        var moved = new long[_projections.Count];
        for (var i = 0; i < _projections.Count; i++)
        {
            moved[i] = Math.Max(_checkpoints[i], last);
            try
            {
                _projections[i].Flush(views);
            }
            catch (Exception failure) when (!StorageFailure.Is(failure))
            {
                throw new FlushFailure(i, failure);
            }
            views.Execute("UPDATE projection_checkpoints SET seq = $seq WHERE name = $name", ("$seq", moved[i]), ("$name", _projections[i].Name));
        }
        return moved;
    }

    private ViewsTransaction Views(SqliteTransaction tx) => new(_views.Connection, tx, _prepared, _views.Files);

    /// <inheritdoc/>
    public void Dispose()
    {
        _prepared.Dispose();
        _views.Dispose();
        _journal.Dispose();
    }

    /// <summary>Applying record <see cref="Seq"/> failed in projection <see cref="ProjectionIndex"/> for a reason of the record's own.</summary>
    private sealed class RecordFailure(int projectionIndex, long seq, Exception inner) : Exception(inner.Message, inner)
    {
        public int ProjectionIndex { get; } = projectionIndex;

        public long Seq { get; } = seq;
    }

    /// <summary>Projection <see cref="ProjectionIndex"/> failed to flush, for a reason not of the storage: some record of the batch caused it.</summary>
    private sealed class FlushFailure(int projectionIndex, Exception inner) : Exception(inner.Message, inner)
    {
        public int ProjectionIndex { get; } = projectionIndex;
    }
}
