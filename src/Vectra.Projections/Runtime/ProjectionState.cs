namespace Vectra.Projections.Runtime;

/// <summary>One projection's place in the journal: its checkpoint, lag and quarantined records.</summary>
public sealed record ProjectionState(string Name, int Version, long Checkpoint, long Lag, long Quarantined);
