namespace Vectra.Runner.Nats;

/// <summary>A frame the mirror stored, as <see cref="MirrorDedup"/> remembers it: when and by which runner it was received, and which other runners' copies it has absorbed.</summary>
internal sealed record MirroredCopy(long Ts, string Runner)
{
    public HashSet<string> MatchedBy { get; } = new(StringComparer.Ordinal);
}
