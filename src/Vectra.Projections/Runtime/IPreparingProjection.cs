using Vectra.Journal.Records;
using Vectra.Projections.Runtime.Stages;

namespace Vectra.Projections.Runtime;

/// <summary>
/// A projection that reads what it needs from a record (<typeparamref name="TPrepared"/>) ahead of applying it: during
/// a long catch-up the reading happens on the read-ahead thread, beside the applying one.
/// </summary>
/// <typeparam name="TPrepared">What <see cref="Prepare"/> reads from a record for <see cref="Apply"/>.</typeparam>
public interface IPreparingProjection<TPrepared> : IProjection
{
    /// <summary>
    /// Reads from a record what <see cref="Apply"/> will need. It must depend on the record alone: it may run on the
    /// read-ahead thread, beside the applying one, and more than once for a record. A throw here quarantines the
    /// record as a throw in Apply would.
    /// </summary>
    TPrepared Prepare(JournalRecord record);

    /// <summary>Applies one record with what <see cref="Prepare"/> returned for it. Throws when the record cannot be processed.</summary>
    void Apply(JournalRecord record, TPrepared prepared, ViewsTransaction views);

    ProjectionStage IProjection.Stage(IReadOnlyList<ProjectionStage> earlier) => new PreparingStage<TPrepared>(this);
}
