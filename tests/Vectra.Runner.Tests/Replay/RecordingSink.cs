using Vectra.Journal.Records;
using Vectra.Runner.Replay;

namespace Vectra.Runner.Tests.Replay;

/// <summary>A sink that keeps what it was handed and when, on the replay's clock.</summary>
internal sealed class RecordingSink(TimeProvider time) : IReplaySink
{
    public List<(JournalRecord Record, TimeSpan At)> Applied { get; } = [];

    public bool Completed { get; private set; }

    public ValueTask ApplyAsync(JournalRecord record, CancellationToken cancellation)
    {
        Applied.Add((record, TimeSpan.FromTicks(time.GetTimestamp() * TimeSpan.TicksPerSecond / time.TimestampFrequency)));
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellation)
    {
        Completed = true;
        return ValueTask.CompletedTask;
    }
}
