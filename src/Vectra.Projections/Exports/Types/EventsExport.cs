using Vectra.Journal.Records;
using Vectra.Projections.Exports.Events;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Types;

/// <summary>
/// <c>doc_type=events</c>: every journal record, in seq order, partitioned by the UTC day of its <c>meta_ts</c>.
/// <c>data</c> is the payload (the last argument) as JSON text, byte for byte; <c>game_id</c> the payload's
/// top-level <c>gameId</c> string when it has one. A record's row never changes, so it is final when applied, and the
/// files are written from the journal itself: views.db only keeps where the parts start and end
/// (<see cref="EventParts"/>), and closed files are written beside the applying thread (<see cref="PartFileWriter"/>).
/// </summary>
/// <remarks>
/// Failure policy: a record whose payload is not JSON, or whose time has no calendar day, is refused in
/// <see cref="Prepare"/> (quarantined) and is in no file. A closed file is written after its part is committed as
/// closed-but-unwritten; a failed or interrupted write leaves the part so, and it is written again (the same bytes)
/// at the next flush, open-file rewrite or start. A write failure is thrown there, stopping the runner.
/// </remarks>
public sealed class EventsExport : IPreparingProjection<long>, IOpenFilesProjection
{
    private readonly ExportOptions _options;
    private readonly EventParts _parts;
    private PartFileWriter? _writer;
    private ExportPaths? _paths;
    private string? _dataDirectory;
    private long _lastTs;
    private long? _openWrittenAt;
    private bool _openStale = true;

    /// <summary>The events export with <paramref name="options"/> (zstd unless they name a compression).</summary>
    public EventsExport(ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _parts = new EventParts(options.RowLimit);
        WriterOptions = new ExportWriterOptions
        {
            Compression = options.Compression ?? ExportCompression.Zstd,
            RowGroupChars = RowGroupChars,
        };
    }

    /// <summary>
    /// A row group of <c>events</c> ends once its payloads hold this many characters (2 Mi: 4 MB of UTF-16, about 500
    /// 3-6 KB frames), not the 8 Mi of the other types. Parquet.Net encodes and compresses a column chunk in buffers of
    /// its size, so 8 Mi groups of payloads held 60-70 MB live and took `vectra project` on 1,000 games past 256 MB
    /// resident; smaller groups compress a little worse (1 Mi: files a third larger; 2 Mi: 15 %; BENCHMARKS.md, memory).
    /// </summary>
    public const long RowGroupChars = 2L << 20;

    /// <summary>The file schema.</summary>
    public static ExportSchema Columns { get; } = new(
        ExportColumn.Int64("meta_seq"),
        ExportColumn.Timestamp("meta_ts"),
        ExportColumn.RepeatedString("meta_session"),
        ExportColumn.Int32("meta_conn"),
        ExportColumn.RepeatedString("meta_source"),
        ExportColumn.RepeatedString("event"),
        ExportColumn.RepeatedString("game_id", nullable: true),
        ExportColumn.String("data", nullable: true));

    /// <summary>How the files are written (compression, row group bounds).</summary>
    public ExportWriterOptions WriterOptions { get; }

    /// <inheritdoc/>
    public string Name => "export.events";

    /// <inheritdoc/>
    /// <remarks>
    /// 2: rows are no longer copied into views.db; files are written from the journal. 3: row groups of 2 Mi characters
    /// (<see cref="RowGroupChars"/>), so every closed file is written again with the new groups.
    /// </remarks>
    public int Version => 3;

    /// <inheritdoc/>
    public void Create(ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(views);
        views.Execute(EventParts.Create);
    }

    /// <summary>Drops the part table and deletes the open tails; closed files stay (a rebuild rewrites them byte for byte).</summary>
    public void Drop(ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(views);
        Writer(views).Wait();
        views.Execute(EventParts.Drop);
        // Version 1 kept every row in a tail table.
        views.Execute("DROP TABLE IF EXISTS export_tail_events;");
        foreach (var file in Paths(views).OpenAndTemporaryFiles().ToList())
        {
            File.Delete(file);
        }
        Forget();
    }

    /// <summary>Checks that <paramref name="record"/> can be a row (<see cref="EventRows.Check"/>) and returns its export day.</summary>
    public long Prepare(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        EventRows.Check(record);
        return ExportDay.Of(record.Ts);
    }

    /// <summary>Adds the checked record to the part of its day (<paramref name="day"/>, from <see cref="Prepare"/>).</summary>
    public void Apply(JournalRecord record, long day, ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(record);
        _lastTs = Math.Max(_lastTs, record.Ts);
        _openStale = true;
        _parts.Add(views, record.Seq, day);
    }

    /// <inheritdoc/>
    public void Flush(ViewsTransaction views)
    {
        var writer = Writer(views);
        var written = writer.Collect();
        Written(views, written);
        var closed = _parts.Closed(views);
        _parts.Save(views);
        if (closed.Count > 0 && !writer.Busy)
        {
            writer.Start(closed);
        }
    }

    /// <inheritdoc/>
    public void WriteOpenFiles(ViewsTransaction views, bool force)
    {
        ArgumentNullException.ThrowIfNull(views);
        var writer = Writer(views);
        // Closed files first: the open file of their rows is removed once they exist, and no temporary of theirs may be
        // in flight while stale temporaries are deleted below.
        Written(views, writer.Wait());
        var closed = _parts.Closed(views).ToArray();
        if (closed.Length > 0)
        {
            Written(views, writer.Write(closed));
        }
        _parts.Save(views);
        if (!_openStale || (!force && _openWrittenAt is { } last && _lastTs - last < _options.OpenFileInterval.Ticks / TimeSpan.TicksPerMicrosecond))
        {
            return;
        }
        var open = _parts.Open(views);
        var path = open.Rows > 0 ? Paths(views).Open(open.Day, open.FirstSeq) : null;
        if (path is not null)
        {
            EventRows.WriteFile(DataDirectory(views), path, open, Columns, WriterOptions);
        }
        foreach (var stale in Paths(views).OpenAndTemporaryFiles().Where(f => f != path).ToList())
        {
            File.Delete(stale);
        }
        _openWrittenAt = _lastTs;
        _openStale = false;
    }

    /// <inheritdoc/>
    public void Forget()
    {
        _parts.Forget();
        _openStale = true;
    }

    private void Written(ViewsTransaction views, IReadOnlyList<EventPart> written)
    {
        if (written.Count == 0)
        {
            return;
        }
        _parts.Written(written);
        foreach (var part in written)
        {
            // Its rows are in the closed file now; the open tail that showed them would duplicate them.
            File.Delete(Paths(views).Open(part.Day, part.FirstSeq));
        }
        _openWrittenAt = null;
    }

    private PartFileWriter Writer(ViewsTransaction views) =>
        _writer ??= new PartFileWriter(DataDirectory(views), Paths(views), Columns, WriterOptions);

    private string DataDirectory(ViewsTransaction views) => _dataDirectory ??= views.Files.DataDirectory;

    private ExportPaths Paths(ViewsTransaction views) => _paths ??= new ExportPaths(views.Files.Exports, "events");
}
