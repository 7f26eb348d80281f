using Vectra.Journal.Records;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.Nats;

/// <summary>A small simulated recording (3 games, about 2,000 frames) the NATS tests play through the feed server, written once for the class.</summary>
public sealed class NatsRecording : IDisposable
{
    private const int Games = 3;
    private const ulong Seed = 14;
    private readonly string _folder = Directory.CreateTempSubdirectory("vectra-nats-recording-").FullName;

    public NatsRecording()
    {
        Path = System.IO.Path.Combine(_folder, "recording.jsonl");
        using (var file = File.Create(Path))
        {
            FeedSimulator.Write(SimulationOptions.Of(Games, Seed), file);
        }
        Frames = [.. FeedSimulator.Records(SimulationOptions.Of(Games, Seed)).Where(r => !r.Event.StartsWith('$'))];
    }

    public string Path { get; }

    /// <summary>The frames the feed server emits, in order.</summary>
    public IReadOnlyList<JournalRecord> Frames { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
