using Vectra.Journal.Records;

namespace Vectra.Projections.Runtime;

/// <summary>
/// A named, versioned handler over journal records in <c>meta_seq</c> order, whose state lives in
/// views.db. The runner calls <see cref="Apply(JournalRecord, ViewsTransaction)"/> for each record inside a transaction that also moves
/// the projection's checkpoint, so state and checkpoint always agree.
/// </summary>
/// <remarks>
/// Handlers must be idempotent and tolerate duplicates, gaps and out-of-order copies. A handler that
/// cannot process a record throws (or lets a statement the record's values break throw): the runner rolls
/// the batch back, calls <see cref="Forget"/>, and replays the batch with that record quarantined, so no
/// partial effect of a failed record survives. A throw from <see cref="Flush"/> quarantines the record
/// whose own flush fails (see <see cref="ProjectionRunner"/>).
/// </remarks>
public interface IProjection
{
    /// <summary>The name shown in <c>status</c> and given to <c>rebuild --projection</c>.</summary>
    string Name { get; }

    /// <summary>Bumped when the handler's output changes; a changed version rebuilds the projection on start.</summary>
    int Version { get; }

    /// <summary>Creates the projection's tables if they do not exist.</summary>
    void Create(ViewsTransaction views);

    /// <summary>Drops the projection's tables (a rebuild follows).</summary>
    void Drop(ViewsTransaction views);

    /// <summary>Applies one record. Throws when the record cannot be processed.</summary>
    void Apply(JournalRecord record, ViewsTransaction views);

    /// <summary>
    /// Reads from a record, ahead of applying it, what <see cref="Apply(JournalRecord, object?, ViewsTransaction)"/>
    /// will need (null: nothing). It must depend on the record alone: during a long catch-up it runs on the
    /// read-ahead thread, beside the applying one, and it may run more than once for a record. A throw here
    /// quarantines the record as a throw in Apply would.
    /// </summary>
    object? Prepare(JournalRecord record) => null;

    /// <summary>Applies one record with what <see cref="Prepare"/> returned for it.</summary>
    void Apply(JournalRecord record, object? prepared, ViewsTransaction views) => Apply(record, views);

    /// <summary>Writes what the batch changed and is still held in memory; called before each commit.</summary>
    void Flush(ViewsTransaction views);

    /// <summary>Drops every in-memory cache: after a rollback the tables are the only truth.</summary>
    void Forget();
}
