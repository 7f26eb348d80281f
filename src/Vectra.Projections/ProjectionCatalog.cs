using Vectra.Projections.CaptureHealth;
using Vectra.Projections.Exports;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Rugs;
using Vectra.Projections.Runtime;

namespace Vectra.Projections;

/// <summary>Every projection the engine runs, in the order they apply each record.</summary>
public static class ProjectionCatalog
{
    /// <summary>Fresh instances of all projections; the exports come after the rugs projection, whose tables they read.</summary>
    public static IReadOnlyList<IProjection> All(ExportOptions? exports = null)
    {
        var rugs = new RugsProjection();
        var options = exports ?? ExportOptions.Default;
        return
        [
            rugs,
            new CaptureHealthProjection(),
            new EventsExport(options),
            new GameTickExport(rugs, options),
            new TradeExport(rugs, options),
            new CompleteGameExport(rugs, options),
            new SidebetExport(rugs, options),
        ];
    }

    /// <summary>The names <c>rebuild --projection</c> accepts.</summary>
    public static IReadOnlyList<string> Names => All().Select(p => p.Name).ToArray();
}
