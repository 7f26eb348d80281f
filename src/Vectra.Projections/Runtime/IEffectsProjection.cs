using Vectra.Journal.Records;
using Vectra.Projections.Runtime.Stages;

namespace Vectra.Projections.Runtime;

/// <summary>
/// A preparing projection (see <see cref="IPreparingProjection{TPrepared}"/>) that also tells what applying a record
/// did (<typeparamref name="TEffects"/>), for the projections downstream of it (<see cref="IDownstreamProjection{TEffects}"/>),
/// which then need not read the record again.
/// </summary>
/// <typeparam name="TPrepared">What <see cref="Prepare"/> reads from a record for <see cref="Apply"/>.</typeparam>
/// <typeparam name="TEffects">What applying one record did.</typeparam>
public interface IEffectsProjection<TPrepared, TEffects> : IProjection
{
    /// <summary>Reads from a record what <see cref="Apply"/> will need, under the rules of <see cref="IPreparingProjection{TPrepared}.Prepare"/>.</summary>
    TPrepared Prepare(JournalRecord record);

    /// <summary>Applies one record with what <see cref="Prepare"/> returned for it, and returns what it did. Throws when the record cannot be processed.</summary>
    TEffects Apply(JournalRecord record, TPrepared prepared, ViewsTransaction views);

    ProjectionStage IProjection.Stage(IReadOnlyList<ProjectionStage> earlier) => new EffectsStage<TPrepared, TEffects>(this);
}
