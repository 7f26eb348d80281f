using Microsoft.Data.Sqlite;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// One export type's rows that are in no closed file yet. Rows are grouped in parts: the open part takes new rows; a
/// row on another UTC day than the open part's, or the first row of a record once the part holds
/// <see cref="ExportOptions.RowLimit"/> rows, closes it. Boundaries depend only on the rows, their days and the seq of
/// the record that added them: never on batches or clocks. The rows are kept in memory, encoded (<see cref="TailPart"/>);
/// closed parts are written as files from there in <see cref="WriteClosed"/> (called from Flush, before the commit), and
/// the open part's rows added since the last flush are saved in the same transaction as one chunk
/// (<c>export_chunks_&lt;type&gt;</c>), so they survive restarts and roll back with the batch.
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

    /// <summary>How the parts' rows are encoded.</summary>
    public TailRowCodec Codec { get; }

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

    /// <summary>Encodes the row <paramref name="reader"/> stands on (its columns from <paramref name="offset"/> on follow the schema), added by record <paramref name="seq"/>.</summary>
    public void Append(ViewsTransaction views, SqliteDataReader reader, int offset, long seq, long day)
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
        Codec.Encode(reader, offset, open);
        open.Added(seq, day);
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
                Codec.Decode(part.Bytes, writer);
                writer.Finish();
            });
            if (part.Saved > 0)
            {
                views.Execute($"DELETE FROM {_table} WHERE part = $part", ("$part", part.Number));
            }
        }
        _closed.Clear();
        if (_open.Length > _open.Saved)
        {
            views.Execute(
                $"INSERT INTO {_table} (part, day, first_seq, last_seq, rows, data) VALUES ($part, $day, $first, $last, $rows, $data)",
                ("$part", _open.Number), ("$day", _open.Day), ("$first", _open.FirstSeq), ("$last", _open.LastSeq), ("$rows", _open.Rows),
                ("$data", _open.Bytes[_open.Saved..].ToArray()));
            _open.Saved = _open.Length;
        }
        return closed;
    }

    /// <summary>Drops what is held in memory: after a rollback views.db is the only truth.</summary>
    public void Forget()
    {
        _open = null;
        _closed.Clear();
    }

    /// <summary>Restores the parts from their saved chunks: every part but the newest was closed in a batch that did not commit.</summary>
    private void Load(ViewsTransaction views)
    {
        if (_open is not null)
        {
            return;
        }
        TailPart? part = null;
        views.Query($"SELECT part, day, first_seq, last_seq, rows, data FROM {_table} ORDER BY part, ord", r =>
        {
            if (part is null || part.Number != r.GetInt64(0))
            {
                if (part is not null)
                {
                    _closed.Add(part);
                }
                part = new TailPart(r.GetInt64(0));
            }
            part.Restore(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt32(4), (byte[])r.GetValue(5));
        });
        _open = part ?? new TailPart(0);
    }
}
