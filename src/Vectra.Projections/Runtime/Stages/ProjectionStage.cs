using Vectra.Journal.Records;

namespace Vectra.Projections.Runtime.Stages;

/// <summary>
/// One projection as the runner drives it: its typed preparation, application and hand-off behind one untyped face,
/// so the runner loops over projections without knowing what each prepares or tells.
/// </summary>
internal abstract class ProjectionStage(IProjection projection)
{
    /// <summary>The projection this stage drives.</summary>
    public IProjection Projection { get; } = projection;

    /// <summary>Reads ahead what applying <paramref name="record"/> will need (on the read-ahead thread); a failure is kept for the apply.</summary>
    public virtual void PrepareAhead(JournalRecord record)
    {
    }

    /// <summary>Applies one record; throws what the projection throws.</summary>
    public abstract void Apply(JournalRecord record, ViewsTransaction views);

    /// <summary>Forgets the projection's caches and anything this stage kept from applied records.</summary>
    public virtual void Forget() => Projection.Forget();
}
