namespace Vectra.Projections.Runtime;

/// <summary>Applying record <see cref="Seq"/> failed in projection <see cref="ProjectionIndex"/> for a reason of the record's own.</summary>
internal sealed class RecordFailure(int projectionIndex, long seq, Exception inner) : Exception(inner.Message, inner)
{
    public int ProjectionIndex { get; } = projectionIndex;

    public long Seq { get; } = seq;
}
