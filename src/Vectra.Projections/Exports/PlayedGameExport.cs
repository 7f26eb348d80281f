using Vectra.Journal.Records;
using Vectra.Projections.Exports.Tail;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Rugs;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports;

/// <summary>
/// An export of a played game's rows (ticks, trades). A game's rows are exported once, as they stand in views.db
/// when the game is final: when a <c>gameStateUpdate</c> of a new game id arrives (the next game's cooldown start,
/// docs/feed.md §4.1), after the rug and the forced sells. The game still being played is in the open files only.
/// </summary>
public abstract class PlayedGameExport : RugsExportProjection
{
    private readonly GameSwitch _games;

    private protected PlayedGameExport(RugsProjection rugs, string docType, ExportSchema schema, ExportOptions options)
        : base(rugs, docType, schema, options) => _games = new GameSwitch(docType);

    /// <inheritdoc/>
    public override void Create(ViewsTransaction views)
    {
        base.Create(views);
        views.Execute(_games.Create);
    }

    /// <inheritdoc/>
    public override void Drop(ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(views);
        views.Execute(_games.Drop);
        base.Drop(views);
    }

    /// <inheritdoc/>
    private protected override void Add(JournalRecord record, RugsRecordEffects effects, ViewsTransaction views)
    {
        if (effects.GameStateGameId is { } gameId && _games.Observe(views, gameId, record.Seq) is { } settled)
        {
            Rugs.WriteOut(views);
            AppendRows(views, record.Seq, RowsSql, Parameters(views, settled, record.Seq));
        }
        AddOther(record, views, effects);
    }

    /// <summary>Rows a record adds outside a game's settlement (a trade that belongs to no game, or to a settled one).</summary>
    private protected virtual void AddOther(JournalRecord record, ViewsTransaction views, RugsRecordEffects effects)
    {
    }

    /// <summary>True when <paramref name="gameId"/> was already settled, so a new row for it is exported at once.</summary>
    private protected bool IsSettled(ViewsTransaction views, string gameId) => gameId != _games.Current(views) && _games.Seen(views, gameId);

    /// <summary>One game's rows (a seq, the UTC day, then the schema's columns); parameters <c>$g</c> (game), <c>$seq</c> (settling record, or NULL for the row's own seq) and any of <see cref="Parameters"/>.</summary>
    private protected abstract string RowsSql { get; }

    /// <summary>The parameters of <see cref="RowsSql"/> for one game.</summary>
    private protected virtual (string Name, object? Value)[] Parameters(ViewsTransaction views, string gameId, long? seq) => [("$g", gameId), ("$seq", seq)];

    /// <inheritdoc/>
    protected override IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> PendingRows(ViewsTransaction views)
    {
        Rugs.WriteOut(views);
        return _games.Current(views) is { } current ? [(RowsSql, Parameters(views, current, null))] : [];
    }

    /// <inheritdoc/>
    public override void Forget()
    {
        base.Forget();
        _games.Forget();
    }
}
