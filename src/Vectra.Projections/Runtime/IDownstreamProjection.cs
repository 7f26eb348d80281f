using Vectra.Journal.Records;
using Vectra.Projections.Runtime.Stages;

namespace Vectra.Projections.Runtime;

/// <summary>
/// A projection that applies each record after its <see cref="IDownstreamProjection.Upstream"/> applied it in the same
/// transaction, with what the upstream did (<typeparamref name="TEffects"/>). The upstream must come before it in the
/// list the runner is given (<see cref="ProjectionCatalog.All"/> is that order).
/// </summary>
/// <typeparam name="TEffects">What the upstream's <see cref="IEffectsProjection{TPrepared, TEffects}.Apply"/> returns.</typeparam>
public interface IDownstreamProjection<TEffects> : IDownstreamProjection
{
    /// <summary>
    /// Applies one record with what the upstream did with it: <c>default</c> when the upstream did not apply it (it
    /// is quarantined there, so views.db holds no effect of it either, or the runner was not given the upstream).
    /// Throws when the record cannot be processed.
    /// </summary>
    void Apply(JournalRecord record, TEffects upstream, ViewsTransaction views);

    ProjectionStage IProjection.Stage(IReadOnlyList<ProjectionStage> earlier) => DownstreamStage<TEffects>.After(this, earlier);
}

/// <summary>
/// A projection that reads another projection's state and effects for the same record in the same transaction, so the
/// two must be applied over the same records: resetting this one resets its upstream too.
/// </summary>
public interface IDownstreamProjection : IProjection
{
    /// <summary>The projection whose state and effects this one reads.</summary>
    IProjection Upstream { get; }
}
