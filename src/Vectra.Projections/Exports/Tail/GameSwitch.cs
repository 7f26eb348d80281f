using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// Which game the feed is on, from the <c>gameId</c> of each <c>gameStateUpdate</c>: a game id never seen before
/// becomes current and the previous current game is final ("settled"). A game id seen before is a late copy and
/// changes nothing. The games seen are kept in views.db (<c>export_games_&lt;type&gt;</c>), per export, so each export
/// can be rebuilt on its own.
/// </summary>
internal sealed class GameSwitch(string docType)
{
    private readonly string _table = "export_games_" + docType;
    private readonly string _seenSql = $"SELECT 1 FROM export_games_{docType} WHERE game_id = $g";
    private bool _loaded;
    private string? _current;

    public string Create => $"CREATE TABLE IF NOT EXISTS {_table} (game_id TEXT PRIMARY KEY, seq INTEGER NOT NULL);";

    public string Drop => $"DROP TABLE IF EXISTS {_table};";

    /// <summary>The game being played (not settled yet), or null before the first game.</summary>
    public string? Current(ViewsTransaction views)
    {
        Load(views);
        return _current;
    }

    /// <summary>True once <paramref name="gameId"/> has been current (it is current or settled).</summary>
    public bool Seen(ViewsTransaction views, string gameId)
    {
        if (gameId == Current(views))
        {
            return true;
        }
        var seen = false;
        views.QueryRows(_seenSql, _ => seen = true, ("$g", gameId));
        return seen;
    }

    /// <summary>Notes a <c>gameStateUpdate</c> for <paramref name="gameId"/>; returns the game it settles, if any.</summary>
    public string? Observe(ViewsTransaction views, string gameId, long seq)
    {
        if (Seen(views, gameId))
        {
            return null;
        }
        var settled = _current;
        views.Execute($"INSERT INTO {_table} (game_id, seq) VALUES ($g, $s)", ("$g", gameId), ("$s", seq));
        _current = gameId;
        return settled;
    }

    public void Forget() => _loaded = false;

    private void Load(ViewsTransaction views)
    {
        if (!_loaded)
        {
            _current = views.Scalar($"SELECT game_id FROM {_table} ORDER BY seq DESC LIMIT 1") as string;
            _loaded = true;
        }
    }
}
