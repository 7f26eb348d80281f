using Vectra.Journal.Records;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.Capture;

/// <summary>
/// The capture's integration tests (real vectra and Node processes) run one after another, sharing
/// one simulated recording of at least 50,000 frames: in parallel they would compete for the CPU
/// and the disk that the "resumes within 2 s" measurements depend on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CaptureIntegration : ICollectionFixture<SimulatedRecording>
{
    public const string Name = "capture integration";

    /// <summary>The trait that marks these tests: <c>dotnet test --filter Category=CaptureIntegration</c>.</summary>
    public const string Category = "CaptureIntegration";
}

/// <summary>A FeedSimulator recording with at least <see cref="MinimumFrames"/> frames (non-system records), written once for the collection.</summary>
public sealed class SimulatedRecording : IDisposable
{
    public const int MinimumFrames = 50_000;
    private const int Games = 135;
    private const ulong Seed = 4;

    private readonly string _folder = Directory.CreateTempSubdirectory("vectra-capture-recording-").FullName;

    public SimulatedRecording()
    {
        Path = System.IO.Path.Combine(_folder, "recording.jsonl");
        using (var file = File.Create(Path))
        {
            FeedSimulator.Write(Options, file);
        }
        FrameCount = Frames().Count();
    }

    private static SimulationOptions Options => SimulationOptions.Of(Games, Seed);

    public string Path { get; }

    public int FrameCount { get; }

    /// <summary>The frames the feed server will emit, in order (streamed; the recording is large).</summary>
    public static IEnumerable<JournalRecord> Frames() => FeedSimulator.Records(Options).Where(r => !r.Event.StartsWith('$'));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
