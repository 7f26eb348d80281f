using Vectra.Journal.Records;

namespace Vectra.Runner.Import;

/// <summary>
/// Connection lifecycle lines some recorders wrote among the frames (<c>connect</c>, <c>disconnect</c>).
/// They were the recorder's own notes, not feed events, so they become system records whose one
/// argument is the recorded line verbatim.
/// </summary>
internal static class ConnectionEvents
{
    /// <summary>The system record for a recorded lifecycle event, or null for a feed event.</summary>
    public static string? SystemNameFor(string recordedEvent) => recordedEvent switch
    {
        "connect" => SystemEvents.ConnectionOpen,
        "disconnect" => SystemEvents.ConnectionClose,
        _ => null,
    };

    /// <summary>Adds the line as a feed event or, for <c>connect</c>/<c>disconnect</c>, as a system record.</summary>
    public static void Add(ImportedFile file, ReadOnlySpan<byte> line, in EnvelopeLine envelope, long ts)
    {
        if (SystemNameFor(envelope.Event) is { } systemName)
        {
            file.AddSystem(systemName, FrameArgs.Wrap(line), ts);
        }
        else
        {
            file.AddFeed(envelope.Event, envelope.Args(), ts);
        }
    }
}
