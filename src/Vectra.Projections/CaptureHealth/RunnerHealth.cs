namespace Vectra.Projections.CaptureHealth;

/// <summary>One runner's (one <c>meta_source</c>'s) capture health in a journal: its sessions, connections and blind time.</summary>
/// <param name="Source">The records' source: <c>mirror:&lt;runner&gt;</c> in a mirror, <c>live</c> in a runner's own journal.</param>
/// <param name="Sessions">Capture sessions started.</param>
/// <param name="Connections">Feed connections opened.</param>
/// <param name="BlindMicros">Time the runner's sessions had no open connection, µs.</param>
public sealed record RunnerHealth(string Source, int Sessions, int Connections, long BlindMicros);
