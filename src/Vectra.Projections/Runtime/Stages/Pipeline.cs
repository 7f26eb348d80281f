namespace Vectra.Projections.Runtime.Stages;

/// <summary>The stages of a runner's projections, in the order the projections are given, which is the order they apply each record.</summary>
internal static class Pipeline
{
    /// <summary>One stage per projection; throws when a projection comes before the upstream whose effects it reads.</summary>
    public static IReadOnlyList<ProjectionStage> Of(IReadOnlyList<IProjection> projections)
    {
        var stages = new List<ProjectionStage>(projections.Count);
        for (var i = 0; i < projections.Count; i++)
        {
            var projection = projections[i];
            if (projection is IDownstreamProjection { Upstream: var upstream } && IndexOf(projections, upstream) > i)
            {
                throw new ArgumentException(
                    $"Projection {projection.Name} reads what {upstream.Name} did with each record, so {upstream.Name} must come before it.",
                    nameof(projections));
            }
            stages.Add(projection.Stage(stages));
        }
        return stages;
    }

    private static int IndexOf(IReadOnlyList<IProjection> projections, IProjection wanted)
    {
        for (var i = 0; i < projections.Count; i++)
        {
            if (ReferenceEquals(projections[i], wanted))
            {
                return i;
            }
        }
        return -1;
    }
}
