using Vectra.Journal.Records;

namespace Vectra.Runner.Replay;

/// <summary>The sink <c>vectra replay</c> uses until the projection runtime exists: the records are in the journal, nothing more is run.</summary>
internal sealed class JournalOnlySink : IReplaySink
{
    /// <inheritdoc/>
    public ValueTask ApplyAsync(JournalRecord record, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <inheritdoc/>
    public ValueTask CompleteAsync(CancellationToken cancellation) => ValueTask.CompletedTask;
}
