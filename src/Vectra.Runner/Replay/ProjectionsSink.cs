using Vectra.Journal.Records;
using Vectra.Projections;
using Vectra.Projections.Runtime;

namespace Vectra.Runner.Replay;

/// <summary>
/// Runs every projection over replayed records as they arrive at their paced time, handing the runner the
/// records the replay already read (the journal is not read twice). Records are applied in batches (a few
/// thousand, or whatever arrived within a quarter second), which changes nothing in the result: projections
/// give the same tables whatever the batch boundaries.
/// </summary>
internal sealed class ProjectionsSink(string dataDirectory, TimeProvider time) : IReplaySink, IDisposable
{
    private const int RecordsPerApply = 4000;
    private static readonly TimeSpan ApplyInterval = TimeSpan.FromMilliseconds(250);

    private ProjectionRunner? _runner;
    private readonly List<JournalRecord> _pending = new(RecordsPerApply);
    private long _lastApplied = time.GetTimestamp();

    /// <inheritdoc/>
    public ValueTask ApplyAsync(JournalRecord record, CancellationToken cancellation)
    {
        _pending.Add(record);
        if (_pending.Count >= RecordsPerApply || time.GetElapsedTime(_lastApplied) >= ApplyInterval)
        {
            Apply(cancellation);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Applies what is pending, then everything else the journal holds, so the projections end fully caught up.</summary>
    public ValueTask CompleteAsync(CancellationToken cancellation)
    {
        Apply(cancellation);
        Runner.CatchUp(cancellation: cancellation);
        return ValueTask.CompletedTask;
    }

    /// <summary>Each projection's checkpoint after the replay.</summary>
    public IReadOnlyList<ProjectionState> States() => Runner.States();

    // Opened on first use: the journal exists only once the replay has imported something.
    private ProjectionRunner Runner => _runner ??= ProjectionRunner.Open(dataDirectory, ProjectionCatalog.All());

    private void Apply(CancellationToken cancellation)
    {
        if (_pending.Count > 0)
        {
            Runner.Apply(_pending, cancellation);
            _pending.Clear();
        }
        _lastApplied = time.GetTimestamp();
    }

    /// <inheritdoc/>
    public void Dispose() => _runner?.Dispose();
}
