using System.Globalization;

namespace Vectra.Runner.Replay;

/// <summary><c>--speed</c>: N× the recorded pace, or <c>max</c> (no pacing).</summary>
internal readonly record struct ReplaySpeed(double Factor)
{
    /// <summary>As fast as the sink takes records.</summary>
    public static ReplaySpeed Max { get; } = new(double.PositiveInfinity);

    /// <summary>Whether records are paced at all.</summary>
    public bool IsPaced => !double.IsPositiveInfinity(Factor);

    /// <summary>The speed <paramref name="text"/> names (<c>max</c> or a positive number), or null.</summary>
    public static ReplaySpeed? TryParse(string text) =>
        text.Equals("max", StringComparison.OrdinalIgnoreCase) ? Max
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 0 && double.IsFinite(factor) ? new ReplaySpeed(factor)
        : null;

    /// <inheritdoc/>
    public override string ToString() => IsPaced ? $"{Factor.ToString(CultureInfo.InvariantCulture)}x" : "max";
}
