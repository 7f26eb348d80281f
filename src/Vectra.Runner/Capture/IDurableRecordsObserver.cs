using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary>Told about every batch of captured records once it is durable (acks, progress, benchmarks, later projections).</summary>
public interface IDurableRecordsObserver
{
    /// <summary>
    /// <paramref name="records"/> are durable at <paramref name="seqs"/>, in order. Runs on the journal
    /// side of the capture, never on a socket thread; keep it short, it delays the next batch.
    /// </summary>
    void OnDurable(IReadOnlyList<NewRecord> records, SeqRange seqs);
}
