namespace Vectra.Runner.Simulation;

/// <summary>
/// What every part of a <see cref="FeedScript"/> makes frames with: the frame random stream, the payload buffer and
/// the receive-order counter, shared so that the parts draw numbers and order frames in one sequence.
/// </summary>
internal sealed class FrameMaker(SimRandom random) : IDisposable
{
    private long _order;

    public SimRandom Random => random;

    public ArgsBuilder Args { get; } = new();

    /// <summary>A frame with the next creation order.</summary>
    public Frame New(long ts, string eventName, byte[] args, FrameKind kind, int tick = -1) => new(ts, NextOrder(), eventName, args, kind, tick);

    /// <summary>The next creation order, for a frame made by copying another.</summary>
    public long NextOrder() => ++_order;

    /// <summary>A random W3C traceparent, as the feed puts on most events.</summary>
    public string Traceparent() => $"00-{random.Hex(32)}-{random.Hex(16)}-01";

    public void Dispose() => Args.Dispose();
}
