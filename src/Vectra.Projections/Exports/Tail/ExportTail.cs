using Vectra.Journal.Storage;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// One export type's rows that are in no closed file yet. Rows are grouped in parts: the open part takes new rows; a
/// row on another UTC day than the open part's, or the first row of a record once the part holds
/// <see cref="ExportOptions.RowLimit"/> rows, closes it. Boundaries depend only on the rows, their days and the seq of
/// the record that added them: never on batches or clocks. A batch's rows are kept in memory, encoded
/// (<see cref="TailPart"/>), and saved at its flush as one chunk per part (<c>export_chunks_&lt;type&gt;</c>), in the
/// transaction of the checkpoint, so they survive restarts and roll back with the batch; a closed part is written as its
/// file from its chunks and the rows in memory in <see cref="WriteClosed"/> (called from Flush, before the commit).
/// </summary>
internal sealed class ExportTail
{
    private readonly string _table;
    private readonly string _legacyTable;
    private readonly ExportSchema _schema;
    private readonly ExportWriterOptions _writerOptions;
    private readonly int _rowLimit;
    private readonly List<TailPart> _closed = [];
    private TailPart? _open;

    public ExportTail(string docType, ExportSchema schema, int rowLimit, ExportWriterOptions writerOptions)
    {
        _writerOptions = writerOptions;
        _table = "export_chunks_" + docType;
        _legacyTable = "export_tail_" + docType;
        _schema = schema;
        Codec = new TailRowCodec(schema);
        _rowLimit = rowLimit;
    }

    private TailRowCodec Codec { get; }

    public string Create =>
        $"CREATE TABLE IF NOT EXISTS {_table} (ord INTEGER PRIMARY KEY, part INTEGER NOT NULL, day INTEGER NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, rows INTEGER NOT NULL, data BLOB NOT NULL);";

    /// <summary>Drops the chunk table, and the row table of versions that copied every row into views.db.</summary>
    public string Drop => $"DROP TABLE IF EXISTS {_table}; DROP TABLE IF EXISTS {_legacyTable};";

    /// <summary>The open part, whose rows the open files show.</summary>
    public TailPart OpenPart(ViewsTransaction views)
    {
        Load(views);
        return _open!;
    }

    /// <summary>Encodes the row <paramref name="row"/> stands on (its columns from <paramref name="offset"/> on follow the schema), added by record <paramref name="seq"/>.</summary>
    public void Append(ViewsTransaction views, Statement row, int offset, long seq, long day)
    {
        Load(views);
        var open = _open!;
        if (day != open.Day)
        {
            // A day with no calendar date (a record time far outside it) throws here, quarantining the record that
            // brings the row, rather than later when its file is named, failing every flush of this export.
            _ = ExportDay.Text(day);
        }
        if (open.Rows > 0 && (day != open.Day || (open.Rows >= _rowLimit && seq != open.LastSeq)))
        {
            _closed.Add(open);
            open = _open = new TailPart(open.Number + 1);
        }
        open.Add(Codec.Encode(row, offset), seq, day);
    }

    /// <summary>
    /// Writes every part closed since the last call as its final file and deletes its saved chunks, then saves the open
    /// part's new rows. True when any part closed.
    /// </summary>
    public bool WriteClosed(ViewsTransaction views, ExportPaths paths)
    {
        if (_open is null)
        {
            return false;
        }
        var closed = _closed.Count > 0;
        foreach (var part in _closed)
        {
            DurableFile.Write(paths.Closed(part.Day, part.FirstSeq, part.LastSeq), stream =>
            {
                using var writer = new ExportFileWriter(stream, _schema, _writerOptions);
                WriteRows(views, part, writer);
                writer.Finish();
            });
            views.Execute($"DELETE FROM {_table} WHERE part = $part", ("$part", part.Number));
            part.Release();
        }
        _closed.Clear();
        if (_open.HasUnsaved)
        {
            views.Execute(
                $"INSERT INTO {_table} (part, day, first_seq, last_seq, rows, data) VALUES ($part, $day, $first, $last, $rows, $data)",
                ("$part", _open.Number), ("$day", _open.Day), ("$first", _open.FirstSeq), ("$last", _open.LastSeq), ("$rows", _open.Rows),
                ("$data", _open.TakeUnsaved()));
        }
        return closed;
    }

    /// <summary>Writes every row of <paramref name="part"/>, oldest first: its chunks saved in views.db, then those in memory.</summary>
    public void WriteRows(ViewsTransaction views, TailPart part, ExportFileWriter writer)
    {
        views.QueryRows($"SELECT data FROM {_table} WHERE part = $part ORDER BY ord", r => Codec.Decode(r.BlobAt(0), writer), ("$part", part.Number));
        foreach (var block in part.Blocks())
        {
            Codec.Decode(block.Span, writer);
        }
    }

    /// <summary>Drops what is held in memory: after a rollback views.db is the only truth.</summary>
    public void Forget()
    {
        _open?.Release();
        _open = null;
        foreach (var part in _closed)
        {
            part.Release();
        }
        _closed.Clear();
    }

    /// <summary>Restores the parts' figures from their last saved chunks: every part but the newest was closed in a batch that did not commit.</summary>
    private void Load(ViewsTransaction views)
    {
        if (_open is not null)
        {
            return;
        }
        views.Query($"SELECT part, day, first_seq, last_seq, rows FROM {_table} WHERE ord IN (SELECT max(ord) FROM {_table} GROUP BY part) ORDER BY part", r =>
        {
            if (_open is not null)
            {
                _closed.Add(_open);
            }
            _open = new TailPart(r.GetInt64(0));
            _open.Restore(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt32(4));
        });
        _open ??= new TailPart(0);
    }
}
