using Vectra.Journal.Records;

namespace Vectra.Runner.Import;

/// <summary>
/// Browser captures over the Chrome DevTools Protocol (<c>*_cdp.jsonl</c>):
/// <c>{seq, ts, event, data, source, direction}</c> with <c>ts</c> carrying its UTC offset. Frames the
/// browser <c>received</c> are feed events; frames it <c>sent</c> become <c>$cdp.sent</c> system
/// records holding the recorded line verbatim, so the journal keeps them without mistaking them for feed.
/// </summary>
internal sealed class CdpImporter : LineRecordingImporter
{
    /// <summary>The system record a frame the browser sent becomes.</summary>
    public const string SentEvent = SystemEvents.CdpSent;

    /// <inheritdoc/>
    public override ImportFormat Format => ImportFormat.Cdp;

    /// <inheritdoc/>
    protected override bool TryImport(ReadOnlySpan<byte> line, ImportedFile file)
    {
        if (!EnvelopeLine.TryParse(line, "ts"u8, "event"u8, out var envelope))
        {
            return false;
        }
        var ts = file.Clock.ToMetaTs(envelope.Time);
        if (envelope.Direction == "sent")
        {
            file.AddSystem(SentEvent, FrameArgs.Wrap(line), ts);
        }
        else
        {
            ConnectionEvents.Add(file, line, envelope, ts);
        }
        return true;
    }
}
