using Vectra.Journal.Records;

namespace Vectra.Projections.Runtime.Stages;

/// <summary>Drives a projection that prepares each record, ahead when it can.</summary>
internal sealed class PreparingStage<TPrepared>(IPreparingProjection<TPrepared> projection) : ProjectionStage(projection)
{
    private readonly PreparedAhead<TPrepared> _ahead = new(projection.Prepare);

    public override void PrepareAhead(JournalRecord record) => _ahead.Prepare(record);

    public override void Apply(JournalRecord record, ViewsTransaction views) => projection.Apply(record, _ahead.Take(record), views);
}
