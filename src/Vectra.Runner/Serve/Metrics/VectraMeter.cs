namespace Vectra.Runner.Serve.Metrics;

/// <summary>The name every Vectra instrument is published under; exporters subscribe to it.</summary>
internal static class VectraMeter
{
    public const string Name = "Vectra";

    public static string Version { get; } = typeof(VectraMeter).Assembly.GetName().Version?.ToString() ?? "0";
}
