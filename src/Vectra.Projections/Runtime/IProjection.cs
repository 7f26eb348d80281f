using Vectra.Projections.Runtime.Stages;

namespace Vectra.Projections.Runtime;

/// <summary>
/// A named, versioned handler over journal records in <c>meta_seq</c> order, whose state lives in views.db. The runner
/// applies each record inside a transaction that also moves the projection's checkpoint, so state and checkpoint always
/// agree. How a record is applied is the concern of one of the interfaces below: <see cref="IRecordProjection"/> (the
/// record alone), <see cref="IPreparingProjection{TPrepared}"/> (with what was read from it ahead),
/// <see cref="IEffectsProjection{TPrepared, TEffects}"/> (also telling what it did) and
/// <see cref="IDownstreamProjection{TEffects}"/> (with what its upstream did with the same record).
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

    /// <summary>Writes what the batch changed and is still held in memory; called before each commit.</summary>
    void Flush(ViewsTransaction views);

    /// <summary>Drops every in-memory cache: after a rollback the tables are the only truth.</summary>
    void Forget();

    /// <summary>How the runner drives this projection; each of the applying interfaces supplies its own.</summary>
    internal ProjectionStage Stage(IReadOnlyList<ProjectionStage> earlier) =>
        throw new ArgumentException($"Projection {Name} says no way to apply a record: implement one of the applying interfaces of IProjection.");
}
