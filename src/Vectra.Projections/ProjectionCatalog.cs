using Vectra.Projections.CaptureHealth;
using Vectra.Projections.Exports;
using Vectra.Projections.Exports.Player;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Player;
using Vectra.Projections.Rugs;
using Vectra.Projections.Runtime;

namespace Vectra.Projections;

/// <summary>
/// Every projection the engine runs, in the order they apply each record. The order is the pipeline: the rugs
/// exports read, in the same transaction, what the rugs projection did with each record (its
/// <see cref="RugsRecordEffects"/>, handed over by the runner) and its tables, so <c>rugs</c> comes before them.
/// The <c>events</c> export is not among them: it copies the journal itself, so it is written on demand
/// (<c>vectra export events</c>, <see cref="Events"/>) rather than by every project, capture and rebuild
/// (docs/architecture.md §6.1).
/// </summary>
public static class ProjectionCatalog
{
    /// <summary>Fresh instances of all projections, in pipeline order.</summary>
    public static IReadOnlyList<IProjection> All(ExportOptions? exports = null)
    {
        var rugs = new RugsProjection();
        var options = exports ?? ExportOptions.Default;
        var actions = new PlayerActionsProjection();
        return
        [
            rugs,
            new CaptureHealthProjection(),
            // Downstream of rugs: each is handed what rugs did with the record.
            new GameTickExport(rugs, options),
            new TradeExport(rugs, options),
            new CompleteGameExport(rugs, options),
            new SidebetExport(rugs, options),
            new PlayerStateProjection(),
            actions,
            new RugpoolProjection(),
            new ServerStateExport(options),
            // Downstream of player_actions: handed the game a player session's feed left.
            new PlayerActionExport(actions, options),
        ];
    }

    /// <summary>The <c>events</c> export on its own, as <c>vectra export events</c> runs it (from its own checkpoint).</summary>
    public static IReadOnlyList<IProjection> Events(ExportOptions? exports = null) => [new EventsExport(exports ?? ExportOptions.Default)];

    /// <summary>Every projection of <see cref="All"/> followed by the <c>events</c> export: everything, in one pass.</summary>
    public static IReadOnlyList<IProjection> AllWithEvents(ExportOptions? exports = null) => [.. All(exports), .. Events(exports)];

    /// <summary>The names <c>rebuild --projection</c> accepts.</summary>
    public static IReadOnlyList<string> Names => All().Select(p => p.Name).ToArray();

    private static readonly HashSet<string> LiveNames = [.. Names];

    /// <summary>
    /// Whether <paramref name="name"/> is one of <see cref="All"/>, which project and capture keep up with the journal;
    /// the <c>events</c> export lags until <c>vectra export events</c> runs, and that is no fault.
    /// </summary>
    public static bool IsLive(string name) => LiveNames.Contains(name);
}
