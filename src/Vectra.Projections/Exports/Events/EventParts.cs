using Vectra.Projections.Exports.Files;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Events;

/// <summary>
/// Where the <c>events</c> export stands, in views.db (<c>export_parts_events</c>): the open part (the records since the
/// last closed file) and the closed parts whose file is not known to be written yet. No row is copied into views.db:
/// the journal holds them. A record on another UTC day than the open part's, or once the part holds
/// <see cref="ExportOptions.RowLimit"/> rows, closes it; boundaries depend only on the records, never on batches or clocks.
/// </summary>
internal sealed class EventParts(int rowLimit)
{
    public const string Table = "export_parts_events";
    private readonly List<EventPart> _closed = [];
    private bool _loaded;
    private EventPart _open;

    public static string Create => $"CREATE TABLE IF NOT EXISTS {Table} (part INTEGER PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, day INTEGER NOT NULL, rows INTEGER NOT NULL, closed INTEGER NOT NULL);";

    public static string Drop => $"DROP TABLE IF EXISTS {Table};";

    /// <summary>The open part (no rows yet when <see cref="EventPart.Rows"/> is 0).</summary>
    public EventPart Open(ViewsTransaction views)
    {
        Load(views);
        return _open;
    }

    /// <summary>Closed parts whose files are still to be written, oldest first.</summary>
    public IReadOnlyList<EventPart> Closed(ViewsTransaction views)
    {
        Load(views);
        return _closed;
    }

    /// <summary>Adds record <paramref name="seq"/> of day <paramref name="day"/>; returns true when it closed the open part.</summary>
    public bool Add(ViewsTransaction views, long seq, long day)
    {
        Load(views);
        var closed = false;
        if (_open.Rows > 0 && (day != _open.Day || _open.Rows >= rowLimit))
        {
            _closed.Add(_open);
            _open = new EventPart(_open.Part + 1, seq, seq, day, 0);
            closed = true;
        }
        _open = _open.Rows == 0
            ? _open with { FirstSeq = seq, LastSeq = seq, Day = day, Rows = 1 }
            : _open with { LastSeq = seq, Rows = _open.Rows + 1 };
        return closed;
    }

    /// <summary>Writes the state into the batch's transaction (so it commits with the checkpoint).</summary>
    public void Save(ViewsTransaction views)
    {
        if (!_loaded)
        {
            return;
        }
        views.Execute($"DELETE FROM {Table}");
        foreach (var part in _closed)
        {
            Insert(views, part, closed: true);
        }
        Insert(views, _open, closed: false);
    }

    /// <summary>Forgets closed parts whose files are written (durably, before this is called).</summary>
    public void Written(IEnumerable<EventPart> parts)
    {
        foreach (var part in parts)
        {
            _closed.Remove(part);
        }
    }

    /// <summary>Drops what is cached: after a rollback the table is the only truth.</summary>
    public void Forget()
    {
        _loaded = false;
        _closed.Clear();
    }

    private static void Insert(ViewsTransaction views, EventPart part, bool closed) =>
        views.Execute(
            $"INSERT INTO {Table} (part, first_seq, last_seq, day, rows, closed) VALUES ($p, $f, $l, $d, $r, $c)",
            ("$p", part.Part), ("$f", part.FirstSeq), ("$l", part.LastSeq), ("$d", part.Day), ("$r", part.Rows), ("$c", closed ? 1 : 0));

    private void Load(ViewsTransaction views)
    {
        if (_loaded)
        {
            return;
        }
        _closed.Clear();
        _open = new EventPart(0, 0, 0, 0, 0);
        views.Query($"SELECT part, first_seq, last_seq, day, rows, closed FROM {Table} ORDER BY part", r =>
        {
            var part = new EventPart(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4));
            if (r.GetInt64(5) != 0)
            {
                _closed.Add(part);
            }
            else
            {
                _open = part;
            }
        });
        _loaded = true;
    }
}
