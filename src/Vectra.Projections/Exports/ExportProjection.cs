using Vectra.Journal.Records;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Tail;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports;

/// <summary>
/// The common part of every Parquet export projection (<c>export.&lt;type&gt;</c>): the tail of rows in no closed file
/// yet, closed files written in Flush before the checkpoint commits, and the open tail files.
/// </summary>
/// <remarks>
/// Write path failure policy: a closed file is written to a temporary name, fsynced, renamed and its directory
/// fsynced inside Flush; any I/O error propagates and the batch does not commit (the runner stops). After a crash
/// between the rename and the commit, the same records close the same part again and rewrite identical bytes.
/// Open tail files are conveniences, rewritten from the tail whenever they are out of date; they are never read back.
/// </remarks>
public abstract class ExportProjection : IProjection, IOpenFilesProjection
{
    private readonly ExportOptions _options;
    private ExportPaths? _paths;
    private long _lastTs;
    private long? _openWrittenAt;
    private bool _openStale = true;

    /// <summary>An export of <paramref name="docType"/> rows shaped by <paramref name="schema"/>, compressed with <paramref name="compression"/> unless the options say otherwise.</summary>
    protected ExportProjection(string docType, ExportSchema schema, ExportOptions options, ExportCompression compression = ExportCompression.Snappy)
    {
        ArgumentNullException.ThrowIfNull(options);
        DocType = docType;
        Schema = schema;
        _options = options;
        WriterOptions = new ExportWriterOptions { Compression = options.Compression ?? compression };
        Tail = new ExportTail(docType, schema, options.RowLimit, WriterOptions);
    }

    /// <summary>The <c>doc_type=</c> partition value.</summary>
    public string DocType { get; }

    /// <summary>The columns of every file of this type.</summary>
    public ExportSchema Schema { get; }

    /// <summary>How this type's files are written (compression, row group bounds).</summary>
    public ExportWriterOptions WriterOptions { get; }

    /// <inheritdoc/>
    public string Name => "export." + DocType;

    /// <inheritdoc/>
    /// <remarks>2: the tail's rows are kept in memory and saved in views.db as one chunk per flush, not one row each.</remarks>
    public virtual int Version => 2;

    internal ExportTail Tail { get; }

    /// <inheritdoc/>
    public virtual void Create(ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(views);
        views.Execute(Tail.Create);
    }

    /// <summary>Drops the tail's table and deletes the open tails; closed files stay (a rebuild rewrites them byte for byte).</summary>
    public virtual void Drop(ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(views);
        views.Execute(Tail.Drop);
        foreach (var file in Paths(views).OpenAndTemporaryFiles().ToList())
        {
            File.Delete(file);
        }
        Forget();
    }

    /// <summary>Notes that <paramref name="record"/> is being applied: the open files are out of date, and journal time moved.</summary>
    private protected void Applying(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _lastTs = Math.Max(_lastTs, record.Ts);
        _openStale = true;
    }

    /// <summary>Rows that are in views.db but not final yet (a game still being played): shown in the open files only.</summary>
    protected virtual IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> PendingRows(ViewsTransaction views) => [];

    /// <inheritdoc/>
    public void Flush(ViewsTransaction views)
    {
        if (Tail.WriteClosed(views, Paths(views)))
        {
            // The old open file of the closed rows' day would now duplicate them: remove it, and rewrite at the next chance.
            _openWrittenAt = null;
            foreach (var file in Paths(views).OpenAndTemporaryFiles().ToList())
            {
                File.Delete(file);
            }
        }
    }

    /// <inheritdoc/>
    public void WriteOpenFiles(ViewsTransaction views, bool force)
    {
        if (!_openStale)
        {
            return;
        }
        if (!force && _openWrittenAt is { } last && _lastTs - last < _options.OpenFileInterval.Ticks / TimeSpan.TicksPerMicrosecond)
        {
            return;
        }
        new OpenFilesWriter(Paths(views), Schema, WriterOptions.ForOpenFiles()).Write(views, Tail.OpenPart(views), writer => Tail.WriteRows(views, Tail.OpenPart(views), writer), PendingRows(views));
        _openWrittenAt = _lastTs;
        _openStale = false;
    }

    /// <inheritdoc/>
    public virtual void Forget()
    {
        Tail.Forget();
        _openStale = true;
    }

    private ExportPaths Paths(ViewsTransaction views) => _paths ??= new ExportPaths(views.Files.Exports, DocType);
}
