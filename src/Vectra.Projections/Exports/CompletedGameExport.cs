using Vectra.Journal.Records;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Rugs;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports;

/// <summary>
/// An export of rows the rugs projection derives from <c>gameHistory</c> entries (complete games, sidebets). A
/// completed game waits, pending, from the record that first saves it until the next new game id in a
/// <c>gameStateUpdate</c> (about one game later: richer copies of the entry and the live comparison are settled by
/// then); it is exported then, as it stands in views.db, and never again. Pending games are in the open files only.
/// </summary>
public abstract class CompletedGameExport : RugsExportProjection
{
    private readonly string _pending;
    private readonly Tail.GameSwitch _games;

    private protected CompletedGameExport(RugsProjection rugs, string docType, ExportSchema schema, ExportOptions options)
        : base(rugs, docType, schema, options)
    {
        _pending = "export_pending_" + docType;
        _games = new Tail.GameSwitch(docType);
    }

    /// <inheritdoc/>
    public override void Create(ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(views);
        base.Create(views);
        views.Execute(_games.Create);
        views.Execute($"CREATE TABLE IF NOT EXISTS {_pending} (game_id TEXT PRIMARY KEY, saved_seq INTEGER NOT NULL, settled INTEGER NOT NULL);");
    }

    /// <inheritdoc/>
    public override void Drop(ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(views);
        views.Execute(_games.Drop);
        views.Execute($"DROP TABLE IF EXISTS {_pending};");
        base.Drop(views);
    }

    /// <inheritdoc/>
    private protected override void Add(JournalRecord record, RugsRecordEffects effects, ViewsTransaction views)
    {
        if (effects.GameStateGameId is { } gameId && _games.Observe(views, gameId, record.Seq) is not null)
        {
            // The live comparison reads the ticks.
            Rugs.WriteOut(views);
            foreach (var settled in Pending(views))
            {
                AppendRows(views, record.Seq, RowsSql, Parameters(views, settled, record.Seq));
                views.Execute($"UPDATE {_pending} SET settled = 1 WHERE game_id = $g", ("$g", settled));
            }
        }
        foreach (var saved in effects.SavedCompleteGames)
        {
            views.Execute($"INSERT INTO {_pending} (game_id, saved_seq, settled) VALUES ($g, $s, 0) ON CONFLICT (game_id) DO NOTHING", ("$g", saved), ("$s", record.Seq));
        }
    }

    /// <summary>One completed game's rows (a seq, the UTC day, then the schema's columns); parameters <c>$g</c>, <c>$seq</c> (settling record, or NULL) and any of <see cref="Parameters"/>.</summary>
    private protected abstract string RowsSql { get; }

    /// <summary>The parameters of <see cref="RowsSql"/> for one game.</summary>
    private protected virtual (string Name, object? Value)[] Parameters(ViewsTransaction views, string gameId, long? seq) => [("$g", gameId), ("$seq", seq)];

    /// <inheritdoc/>
    protected override IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> PendingRows(ViewsTransaction views)
    {
        Rugs.WriteOut(views);
        return Pending(views).Select(g => (RowsSql, Parameters(views, g, null))).ToList();
    }

    /// <inheritdoc/>
    public override void Forget()
    {
        base.Forget();
        _games.Forget();
    }

    /// <summary>Pending games in export order: by end time, then id.</summary>
    private List<string> Pending(ViewsTransaction views)
    {
        var pending = new List<string>();
        views.QueryRows($"SELECT p.game_id FROM {_pending} p LEFT JOIN complete_games c USING (game_id) WHERE p.settled = 0 ORDER BY c.ended_at, p.game_id",
            r => pending.Add(r.TextAt(0)!));
        return pending;
    }
}
