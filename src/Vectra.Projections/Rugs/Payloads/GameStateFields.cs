using Vectra.Projections.Rugs.History;
using Vectra.Projections.Rugs.Phases;

namespace Vectra.Projections.Rugs.Payloads;

/// <summary>
/// What the projections need from one <c>gameStateUpdate</c> payload. Fields the event did not carry are
/// null. Large parts are kept as byte ranges of the args, parsed only when a projection needs them.
/// </summary>
public sealed class GameStateFields
{
    /// <summary>The game id (<c>YYYYMMDD-&lt;16 hex&gt;</c>).</summary>
    public string? GameId { get; internal set; }

    /// <summary><c>active</c>.</summary>
    public bool? Active { get; internal set; }

    /// <summary><c>rugged</c>.</summary>
    public bool? Rugged { get; internal set; }

    /// <summary><c>allowPreRoundBuys</c>.</summary>
    public bool? AllowPreRoundBuys { get; internal set; }

    /// <summary><c>cooldownTimer</c> in ms.</summary>
    public int? CooldownTimer { get; internal set; }

    /// <summary><c>tickCount</c>.</summary>
    public int? TickCount { get; internal set; }

    /// <summary><c>price</c>.</summary>
    public double? Price { get; internal set; }

    /// <summary><c>provablyFair.serverSeedHash</c>.</summary>
    public string? ServerSeedHash { get; internal set; }

    /// <summary><c>partialPrices.endTick</c>.</summary>
    public int? PartialEndTick { get; internal set; }

    /// <summary>The entries of <c>partialPrices.values</c> (at most a handful).</summary>
    public List<TickPrice> PartialPrices { get; } = new(8);

    /// <summary>The entries of the <c>gameHistory</c> window, when the event carried one.</summary>
    public List<HistoryEntry> History { get; } = new(10);

    /// <summary>
    /// Rows of <see cref="History"/> entries parsed on the read-ahead thread, by index (null where not parsed ahead): the
    /// applying thread parses only the entries this lacks.
    /// </summary>
    internal CompleteGameRow?[]? HistoryRows { get; set; }

    /// <summary>Whether a <c>gameHistory</c> window came with the event (it may be empty).</summary>
    public bool HasHistory { get; internal set; }

    /// <summary>The byte range of the root <c>prices</c> array (connect snapshot), or empty.</summary>
    public Range RootPrices { get; internal set; }

    /// <summary>The phase the rule of docs/feed.md §4.2 gives these fields.</summary>
    public GamePhase Phase => PhaseRule.Of(Rugged, Active, CooldownTimer, AllowPreRoundBuys);

    /// <summary>Whether the event carried a root <c>prices</c> array.</summary>
    public bool HasRootPrices => !RootPrices.Equals(default(Range));

    internal void Clear()
    {
        GameId = null;
        Active = Rugged = AllowPreRoundBuys = null;
        CooldownTimer = TickCount = PartialEndTick = null;
        Price = null;
        ServerSeedHash = null;
        PartialPrices.Clear();
        History.Clear();
        HistoryRows = null;
        HasHistory = false;
        RootPrices = default;
    }
}
