using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Exports.Events;

/// <summary>
/// Writes closed <c>events</c> files on a thread of its own, so the applying thread goes on with the next records while
/// every payload of a part is encoded and compressed. One batch of parts is in flight at a time (memory stays bounded).
/// </summary>
/// <remarks>
/// Failure policy: a failed write is kept and thrown by the next <see cref="Collect"/> or <see cref="Wait"/>; its parts
/// stay closed-but-unwritten in views.db and are written again (the same bytes, from the journal) later or on the next
/// start. Nothing is retried here.
/// </remarks>
internal sealed class PartFileWriter(string dataDirectory, ExportPaths paths, ExportSchema schema, ExportWriterOptions options)
{
    private Task<EventPart[]>? _running;

    /// <summary>True while a batch is being written.</summary>
    public bool Busy => _running is { IsCompleted: false };

    /// <summary>The parts of a finished batch (durably written), without waiting: none while one is running.</summary>
    public IReadOnlyList<EventPart> Collect() => Busy ? [] : Wait();

    /// <summary>Waits for the batch in flight; returns the parts it wrote, or throws its failure.</summary>
    public IReadOnlyList<EventPart> Wait()
    {
        var running = _running;
        _running = null;
        return running is null ? [] : running.GetAwaiter().GetResult();
    }

    /// <summary>Starts writing <paramref name="parts"/>; call it only when not <see cref="Busy"/> and collected.</summary>
    public void Start(IReadOnlyList<EventPart> parts)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("A batch of events files is still in flight.");
        }
        var batch = parts.ToArray();
        _running = Task.Run(() => Write(batch));
    }

    /// <summary>Writes <paramref name="parts"/> on this thread.</summary>
    public EventPart[] Write(EventPart[] parts)
    {
        foreach (var part in parts)
        {
            EventRows.WriteFile(dataDirectory, paths.Closed(part.Day, part.FirstSeq, part.LastSeq), part, schema, options);
        }
        return parts;
    }
}
