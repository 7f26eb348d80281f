namespace Vectra.Runner.Simulation;

/// <summary>What a simulated frame is, so faults can pick their targets.</summary>
internal enum FrameKind
{
    Other,
    Extended,
    ActiveTick,
}
