using Vectra.Journal.Records;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Rugs;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports;

/// <summary>
/// An export of rows the rugs projection keeps in views.db. It runs right after <see cref="RugsProjection"/> on
/// each record, in the same transaction, is handed what that record did there (<see cref="RugsRecordEffects"/>), and
/// copies rows from the rugs tables into its tail when they become final. Resetting it resets the rugs projection.
/// </summary>
public abstract class RugsExportProjection : ExportProjection, IDownstreamProjection<RugsRecordEffects>
{
    /// <summary>An export of <paramref name="docType"/> fed by <paramref name="rugs"/>.</summary>
    private protected RugsExportProjection(RugsProjection rugs, string docType, ExportSchema schema, ExportOptions options)
        : base(docType, schema, options) => Rugs = rugs;

    /// <inheritdoc/>
    public IProjection Upstream => Rugs;

    private protected RugsProjection Rugs { get; }

    void IDownstreamProjection<RugsRecordEffects>.Apply(JournalRecord record, RugsRecordEffects upstream, ViewsTransaction views)
    {
        Applying(record);
        Add(record, upstream, views);
    }

    /// <summary>Adds the rows <paramref name="record"/> settles to the tail, knowing what the rugs projection did with it (<paramref name="rugs"/>).</summary>
    private protected abstract void Add(JournalRecord record, RugsRecordEffects rugs, ViewsTransaction views);

    /// <summary>Appends every row of a query giving a seq, the UTC day, then the schema's columns, as added by record <paramref name="seq"/>.</summary>
    private protected void AppendRows(ViewsTransaction views, long seq, string sql, params (string Name, object? Value)[] parameters) =>
        views.QueryRows(sql, r => Tail.Append(views, r, 2, seq, r.Int64At(1)), parameters);
}
