using Vectra.Projections.CaptureHealth;
using Vectra.Projections.Rugs;
using Vectra.Projections.Runtime;

namespace Vectra.Projections;

/// <summary>Every projection the engine runs, in the order they apply each record.</summary>
public static class ProjectionCatalog
{
    /// <summary>Fresh instances of all projections.</summary>
    public static IReadOnlyList<IProjection> All() => [new RugsProjection(), new CaptureHealthProjection()];

    /// <summary>The names <c>rebuild --projection</c> accepts.</summary>
    public static IReadOnlyList<string> Names => All().Select(p => p.Name).ToArray();
}
