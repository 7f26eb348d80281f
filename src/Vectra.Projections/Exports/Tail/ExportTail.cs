using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// One export type's rows that are in no closed file yet, in views.db (<c>export_tail_&lt;type&gt;</c>), so they
/// survive restarts and roll back with the batch. Rows are grouped in parts: the open part takes new rows; a row
/// on another UTC day than the open part's, or the first row of a record once the part holds
/// <see cref="ExportOptions.RowLimit"/> rows, closes it. Closed parts are written as files in <see cref="WriteClosed"/>
/// (called from Flush, before the commit) and deleted from the table. Boundaries depend only on the rows, their
/// days and the seq of the record that added them: never on batches or clocks.
/// </summary>
internal sealed class ExportTail
{
    private readonly string _table;
    private readonly ExportSchema _schema;
    private readonly ExportWriterOptions _writerOptions;
    private readonly int _rowLimit;
    private readonly string _insert;
    private readonly (string Name, object? Value)[] _parameters;
    private readonly List<long> _closed = [];
    private bool _loaded;
    private long _part;
    private long _rows;
    private long _day;
    private long _lastSeq;

    public ExportTail(string docType, ExportSchema schema, int rowLimit, ExportWriterOptions writerOptions)
    {
        _writerOptions = writerOptions;
        _table = "export_tail_" + docType;
        _schema = schema;
        _rowLimit = rowLimit;
        var names = schema.Columns.Select(c => Quoted(c.Name)).ToArray();
        _insert = $"INSERT INTO {_table} (part, seq, day, {string.Join(", ", names)}) VALUES ($part, $seq, $day, {string.Join(", ", names.Select((_, i) => "$c" + i))})";
        _parameters = [("$part", null), ("$seq", null), ("$day", null), .. schema.Columns.Select((_, i) => ("$c" + i, (object?)null))];
        SelectColumns = "seq, day, " + string.Join(", ", names);
    }

    /// <summary>The columns every row source gives, in order: the adding record's seq, the UTC day, then the schema's columns.</summary>
    public string SelectColumns { get; }

    public string Create => $"CREATE TABLE IF NOT EXISTS {_table} (ord INTEGER PRIMARY KEY, part INTEGER NOT NULL, seq INTEGER NOT NULL, day INTEGER NOT NULL, "
        + string.Join(", ", _schema.Columns.Select(c => Quoted(c.Name))) + ");";

    public string Drop => $"DROP TABLE IF EXISTS {_table};";

    /// <summary>The open part's rows, oldest first, shaped like <see cref="SelectColumns"/>.</summary>
    public string OpenRowsSql => $"SELECT {SelectColumns} FROM {_table} WHERE part = $part ORDER BY ord";

    /// <summary>The open part, whose rows <see cref="OpenRowsSql"/> reads.</summary>
    public long OpenPart(ViewsTransaction views)
    {
        Load(views);
        return _part;
    }

    /// <summary>Appends a row added by record <paramref name="seq"/>; <paramref name="values"/> follow the schema.</summary>
    public void Append(ViewsTransaction views, long seq, long day, ReadOnlySpan<object?> values)
    {
        Load(views);
        if (day != _day)
        {
            // A day with no calendar date (a record time far outside it) throws here, quarantining the record that
            // brings the row, rather than later when its file is named, failing every flush of this export.
            _ = ExportDay.Text(day);
        }
        if (_rows > 0 && (day != _day || (_rows >= _rowLimit && seq != _lastSeq)))
        {
            _closed.Add(_part);
            _part++;
            _rows = 0;
        }
        _day = day;
        _lastSeq = seq;
        _rows++;
        _parameters[0].Value = _part;
        _parameters[1].Value = seq;
        _parameters[2].Value = day;
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[3 + i].Value = values[i];
        }
        views.Execute(_insert, _parameters);
    }

    /// <summary>Writes every part closed since the last call as its final file, then removes its rows. True when any closed.</summary>
    public bool WriteClosed(ViewsTransaction views, ExportPaths paths)
    {
        if (_closed.Count == 0)
        {
            return false;
        }
        foreach (var part in _closed)
        {
            long first = 0, last = 0, day = 0;
            views.Query($"SELECT min(seq), max(seq), min(day) FROM {_table} WHERE part = $part",
                r => (first, last, day) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), ("$part", part));
            var copier = new ExportRowCopier(_schema, 2);
            DurableFile.Write(paths.Closed(day, first, last), stream =>
            {
                using var writer = new ExportFileWriter(stream, _schema, _writerOptions);
                views.Query(OpenRowsSql, r => copier.Copy(r, writer), ("$part", part));
                writer.Finish();
            });
            views.Execute($"DELETE FROM {_table} WHERE part = $part", ("$part", part));
        }
        _closed.Clear();
        return true;
    }

    /// <summary>Drops what is cached: after a rollback the table is the only truth.</summary>
    public void Forget()
    {
        _loaded = false;
        _closed.Clear();
    }

    private void Load(ViewsTransaction views)
    {
        if (_loaded)
        {
            return;
        }
        (_part, _rows, _day, _lastSeq) = (0, 0, 0, 0);
        views.Query($"SELECT part, count(*), max(day), max(seq) FROM {_table} GROUP BY part ORDER BY part DESC LIMIT 1",
            r => (_part, _rows, _day, _lastSeq) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));
        _loaded = true;
    }

    private static string Quoted(string name) => "\"" + name + "\"";
}
