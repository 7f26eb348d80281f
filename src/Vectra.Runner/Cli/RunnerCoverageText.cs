using Vectra.Journal.Records;
using Vectra.Projections.CaptureHealth;

namespace Vectra.Runner.Cli;

/// <summary>The "runners" lines of <c>vectra status</c>: each runner's health in a mirror and the time no runner was connected.</summary>
internal static class RunnerCoverageText
{
    public static void Print(RunnerCoverage? coverage)
    {
        if (coverage is null || coverage.Runners.Count == 0)
        {
            return;
        }
        Console.WriteLine($"runners     {coverage.Runners.Count} (from the capture projection; `vectra project` brings it up to date)");
        foreach (var runner in coverage.Runners)
        {
            Console.WriteLine($"  {runner.Source,-24} {runner.Sessions} sessions, {runner.Connections} connections, blind {TimeSpan.FromMicroseconds(runner.BlindMicros):g}");
        }
        Console.WriteLine($"no runner   {TimeSpan.FromMicroseconds(coverage.UncoveredMicros):g} without any runner connected (the only true gaps){(coverage.Uncovered.Count == 0 ? "" : ":")}");
        foreach (var (from, to) in coverage.Uncovered.Take(20))
        {
            Console.WriteLine($"  {MetaTime.ToIso(from)} .. {MetaTime.ToIso(to)}");
        }
    }
}
