using Vectra.Journal.Records;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Rugs;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports;

/// <summary>
/// An export of rows the rugs projection keeps in views.db. It runs right after <see cref="RugsProjection"/> on
/// each record, in the same transaction, reads what that record did from <see cref="RugsProjection.Effects"/>, and
/// copies rows from the rugs tables into its tail when they become final. Resetting it resets the rugs projection.
/// </summary>
public abstract class RugsExportProjection : ExportProjection, IUpstreamProjection
{
    private readonly object?[] _row;
    private readonly RugsRecordEffects _none = new();

    /// <summary>An export of <paramref name="docType"/> fed by <paramref name="rugs"/>.</summary>
    private protected RugsExportProjection(RugsProjection rugs, string docType, ExportSchema schema, ExportOptions options)
        : base(docType, schema, options)
    {
        Rugs = rugs;
        _row = new object?[schema.Columns.Count];
    }

    /// <inheritdoc/>
    public string Upstream => Rugs.Name;

    private protected RugsProjection Rugs { get; }

    /// <summary>
    /// What the rugs projection did with <paramref name="record"/>: nothing when it did not apply it (the record is
    /// quarantined there, so views.db holds no effect of it either).
    /// </summary>
    private protected RugsRecordEffects EffectsOf(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Rugs.Effects.Seq == record.Seq)
        {
            return Rugs.Effects;
        }
        _none.Begin(record.Seq);
        return _none;
    }

    /// <summary>Appends every row of a query shaped like <c>Tail.SelectColumns</c>, as added by record <paramref name="seq"/>.</summary>
    private protected void AppendRows(ViewsTransaction views, long seq, string sql, params (string Name, object? Value)[] parameters) =>
        views.Query(sql, r =>
        {
            for (var i = 0; i < _row.Length; i++)
            {
                _row[i] = r.IsDBNull(2 + i) ? null : r.GetValue(2 + i);
            }
            Tail.Append(views, seq, r.GetInt64(1), _row);
        }, parameters);
}
