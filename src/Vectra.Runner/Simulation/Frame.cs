namespace Vectra.Runner.Simulation;

/// <summary>A frame waiting to be journaled: receive instant, creation order (tie-break), event, raw args.</summary>
internal sealed record Frame(long Ts, long Order, string Event, byte[] Args, FrameKind Kind, int Tick = -1);
