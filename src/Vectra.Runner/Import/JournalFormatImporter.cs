using Vectra.Journal.Jsonl;
using Vectra.Journal.Records;

namespace Vectra.Runner.Import;

/// <summary>
/// The project's own journal JSONL, appended rather than restored: every record keeps its
/// <c>meta_ts</c>, <c>meta_session</c>, <c>meta_conn</c>, <c>meta_source</c>, event and args bytes, and
/// gets a fresh <c>meta_seq</c> at the journal's end. Unreadable lines are skipped and counted.
/// (<c>vectra journal import</c> is the exact restore that keeps <c>meta_seq</c>.)
/// </summary>
internal sealed class JournalFormatImporter : LineRecordingImporter
{
    /// <inheritdoc/>
    public override ImportFormat Format => ImportFormat.Journal;

    /// <inheritdoc/>
    protected override bool TryImport(ReadOnlySpan<byte> line, ImportedFile file)
    {
        var record = JsonlRecordParser.TryParse(line, out _);
        if (record is null)
        {
            return false;
        }
        file.AddExisting(new NewRecord(record.Event, record.Args, record.Ts, record.Session, record.Conn, record.Source));
        return true;
    }
}
