using Vectra.Journal.Records;

namespace Vectra.Runner.Replay;

/// <summary>
/// Where <c>vectra replay</c> hands each record it imported, paced, in <c>meta_seq</c> order: the seam
/// where the projection runtime runs every projection over the replayed records.
/// </summary>
internal interface IReplaySink
{
    /// <summary>Takes one record at its (paced) time.</summary>
    ValueTask ApplyAsync(JournalRecord record, CancellationToken cancellation);

    /// <summary>Called once after the last record.</summary>
    ValueTask CompleteAsync(CancellationToken cancellation);
}
