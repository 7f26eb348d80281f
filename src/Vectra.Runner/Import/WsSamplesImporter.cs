namespace Vectra.Runner.Import;

/// <summary>VECTRA-PLAYER sandbox samples (<c>websocket_raw_samples.jsonl</c>): <c>{timestamp, event_type, data}</c>, data as in raw captures.</summary>
internal sealed class WsSamplesImporter : LineRecordingImporter
{
    /// <inheritdoc/>
    public override ImportFormat Format => ImportFormat.WsSamples;

    /// <inheritdoc/>
    protected override bool TryImport(ReadOnlySpan<byte> line, ImportedFile file)
    {
        if (!EnvelopeLine.TryParse(line, "timestamp"u8, "event_type"u8, out var envelope))
        {
            return false;
        }
        ConnectionEvents.Add(file, line, envelope, file.Clock.ToMetaTs(envelope.Time));
        return true;
    }
}
