using Vectra.Journal.Records;
using Vectra.Projections.Runtime.Stages;

namespace Vectra.Projections.Runtime;

/// <summary>A projection that applies each record from the record alone.</summary>
public interface IRecordProjection : IProjection
{
    /// <summary>Applies one record. Throws when the record cannot be processed.</summary>
    void Apply(JournalRecord record, ViewsTransaction views);

    ProjectionStage IProjection.Stage(IReadOnlyList<ProjectionStage> earlier) => new RecordStage(this);
}
