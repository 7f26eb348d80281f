using Vectra.Journal.Records;

namespace Vectra.Projections.Runtime.Stages;

/// <summary>Drives a projection that tells what applying a record did, keeping that for the downstream stages.</summary>
internal abstract class EffectsStage<TEffects>(IProjection projection) : ProjectionStage(projection)
{
    /// <summary>What the last record this stage applied did.</summary>
    public RecordEffects<TEffects> Effects { get; } = new();

    public override void Forget()
    {
        // What a rolled-back application did must not reach the downstream projections when the record is applied again.
        Effects.Clear();
        base.Forget();
    }
}

/// <summary>Drives a projection that prepares each record, ahead when it can, and tells what applying it did.</summary>
internal sealed class EffectsStage<TPrepared, TEffects>(IEffectsProjection<TPrepared, TEffects> projection) : EffectsStage<TEffects>(projection)
{
    private readonly PreparedAhead<TPrepared> _ahead = new(projection.Prepare);

    public override void PrepareAhead(JournalRecord record) => _ahead.Prepare(record);

    public override void Apply(JournalRecord record, ViewsTransaction views) =>
        Effects.Keep(record.Seq, projection.Apply(record, _ahead.Take(record), views));
}
