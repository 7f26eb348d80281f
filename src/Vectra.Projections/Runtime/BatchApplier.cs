using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Projections.Runtime.Stages;

namespace Vectra.Projections.Runtime;

/// <summary>
/// Applies records to a runner's projections in batches, one views.db transaction each, holding the batch's state
/// changes and the checkpoints; records a projection cannot apply are quarantined for that projection only.
/// </summary>
/// <remarks>
/// Failure policy: see <see cref="ProjectionRunner"/>. Records are not kept: when a handler fails, the batch is rolled
/// back and the records taken so far are read again from the journal, the failed one quarantined. When a flush fails
/// (it cannot name a record), the batch is rolled back and applied again record by record.
/// </remarks>
internal sealed class BatchApplier(ViewsDatabase database, JournalReader journal, IReadOnlyList<ProjectionStage> stages, ProjectionCheckpoints checkpoints)
{
    /// <summary>The most records one transaction applies.</summary>
    /// <remarks>
    /// 5,000, not 20,000: the larger batch saved at most a tenth of a rebuild's CPU (not shown beyond the noise of a loaded
    /// machine), and a full-speed capture's live projections, which take whole batches at the journal's tail, then held
    /// four times as many records' changes: a 3-minute capture peaked at 387 MB against 366 MB (BENCHMARKS.md).
    /// </remarks>
    public const int BatchSize = 5000;

    /// <summary>Applies up to <see cref="BatchSize"/> records from <paramref name="records"/> in one transaction; returns how many (0 when the stream is done).</summary>
    public int ApplyBatch(IEnumerator<JournalRecord> records)
    {
        var quarantined = new Dictionary<(int Projection, long Seq), string>();
        long first = 0, last = 0;
        var taken = 0;
        while (true)
        {
            try
            {
                var views = database.Begin();
                using var tx = views.Transaction;
                if (taken > 0)
                {
                    foreach (var record in journal.ReadSeqRange(first, last))
                    {
                        Apply(record, views, quarantined);
                    }
                }
                while (taken < BatchSize && records.MoveNext())
                {
                    var record = records.Current;
                    first = taken++ == 0 ? record.Seq : first;
                    last = record.Seq;
                    Apply(record, views, quarantined);
                }
                if (taken == 0)
                {
                    return 0;
                }
                var moved = Checkpoint(views, last);
                tx.Commit();
                checkpoints.Committed(moved);
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
                foreach (var record in journal.ReadSeqRange(first, last))
                {
                    ApplyAlone(record, quarantined);
                }
                return taken;
            }
        }
    }

    /// <summary>Drops every projection's in-memory state, and what the stages kept of records applied in a rolled-back transaction.</summary>
    public void ForgetAll()
    {
        foreach (var stage in stages)
        {
            stage.Forget();
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
                var views = database.Begin();
                using var tx = views.Transaction;
                Apply(record, views, quarantined);
                var moved = Checkpoint(views, record.Seq);
                tx.Commit();
                checkpoints.Committed(moved);
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
                        $"Projection {stages[failure.ProjectionIndex].Projection.Name} cannot flush its state even without record {record.Seq}: {failure.Message}",
                        failure.InnerException);
                }
            }
        }
    }

    /// <summary>Applies <paramref name="record"/> to every projection that has not passed it, in their order, skipping those it is quarantined for.</summary>
    private void Apply(JournalRecord record, ViewsTransaction views, Dictionary<(int Projection, long Seq), string> quarantined)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (checkpoints.Passed(i, record.Seq))
            {
                continue;
            }
            if (quarantined.Count > 0 && quarantined.TryGetValue((i, record.Seq), out var error))
            {
                views.Execute(
                    "INSERT OR REPLACE INTO projection_errors (projection, meta_seq, event, error) VALUES ($p, $s, $e, $m)",
                    ("$p", stages[i].Projection.Name), ("$s", record.Seq), ("$e", record.Event), ("$m", error));
                continue;
            }
            try
            {
                stages[i].Apply(record, views);
            }
            catch (Exception failure) when (!StorageFailure.Is(failure) && failure is not LentArgsReleasedException)
            {
                throw new RecordFailure(i, record.Seq, failure);
            }
        }
    }

    /// <summary>Flushes every projection and writes its checkpoint at <paramref name="last"/>; the commit makes both durable together.</summary>
    private long[] Checkpoint(ViewsTransaction views, long last)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            try
            {
                stages[i].Projection.Flush(views);
            }
            catch (Exception failure) when (!StorageFailure.Is(failure))
            {
                throw new FlushFailure(i, failure);
            }
        }
        return checkpoints.Write(views, last);
    }
}
