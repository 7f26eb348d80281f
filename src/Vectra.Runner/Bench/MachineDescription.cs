using System.Runtime.InteropServices;

namespace Vectra.Runner.Bench;

/// <summary>What a benchmark ran on, so figures in BENCHMARKS.md can be compared honestly.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {memory:F0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
