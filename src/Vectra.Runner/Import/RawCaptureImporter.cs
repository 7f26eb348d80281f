namespace Vectra.Runner.Import;

/// <summary>
/// claude-flow raw protocol captures (<c>*_raw.jsonl</c>, and the one-object-per-file
/// <c>ws_event_examples</c>): <c>{seq, ts, event, data}</c>. <c>data</c> is one argument, or
/// <c>[trace, payload]</c> for a two-argument frame; <c>connect</c> lines become <c>$connection.open</c>.
/// </summary>
internal sealed class RawCaptureImporter : LineRecordingImporter
{
    /// <inheritdoc/>
    public override ImportFormat Format => ImportFormat.RawCapture;

    /// <inheritdoc/>
    protected override bool TryImport(ReadOnlySpan<byte> line, ImportedFile file)
    {
        if (!EnvelopeLine.TryParse(line, "ts"u8, "event"u8, out var envelope))
        {
            return false;
        }
        ConnectionEvents.Add(file, line, envelope, file.Clock.ToMetaTs(envelope.Time));
        return true;
    }
}
