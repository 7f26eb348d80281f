using Vectra.Journal.Records;

namespace Vectra.Projections.Runtime.Stages;

/// <summary>Drives a projection that applies each record alone.</summary>
internal sealed class RecordStage(IRecordProjection projection) : ProjectionStage(projection)
{
    public override void Apply(JournalRecord record, ViewsTransaction views) => projection.Apply(record, views);
}
