using Vectra.Journal.Records;
using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Types;

/// <summary>
/// <c>doc_type=events</c>: every journal record, in seq order, partitioned by the UTC day of its <c>meta_ts</c>.
/// <c>data</c> is the payload (the last argument) as JSON text, byte for byte; <c>game_id</c> the payload's
/// top-level <c>gameId</c> string when it has one. A record's row never changes, so it is final when applied.
/// </summary>
public sealed class EventsExport(ExportOptions options) : ExportProjection("events", Columns, options, ExportCompression.Zstd)
{
    private readonly object?[] _row = new object?[Columns.Columns.Count];

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

    /// <inheritdoc/>
    protected override void Add(JournalRecord record, ViewsTransaction views)
    {
        ArgumentNullException.ThrowIfNull(record);
        var payload = EventPayload.Of(record.Args);
        _row[0] = record.Seq;
        _row[1] = record.Ts;
        _row[2] = record.Session.ToString();
        _row[3] = record.Conn;
        _row[4] = record.Source;
        _row[5] = record.Event;
        _row[6] = payload is { } p ? EventPayload.GameId(record.Args, p) : null;
        // Kept as the payload's UTF-8 bytes (a BLOB in the tail table): no decode and re-encode per record.
        _row[7] = payload is { } q ? record.Args.AsSpan()[q].ToArray() : null;
        Tail.Append(views, record.Seq, ExportDay.Of(record.Ts), _row);
    }
}
