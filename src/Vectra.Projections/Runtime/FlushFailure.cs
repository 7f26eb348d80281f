namespace Vectra.Projections.Runtime;

/// <summary>Projection <see cref="ProjectionIndex"/> failed to flush, for a reason not of the storage: some record of the batch caused it.</summary>
internal sealed class FlushFailure(int projectionIndex, Exception inner) : Exception(inner.Message, inner)
{
    public int ProjectionIndex { get; } = projectionIndex;
}
