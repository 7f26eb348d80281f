using System.Text.Json;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Bench;

/// <summary>`vectra bench parquet` reports, beside wall times, what a loaded machine disturbs little: CPU seconds and GC work per write.</summary>
public sealed class BenchParquetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Reports_cpu_seconds_and_garbage_collection_for_each_of_our_writes()
    {
        var result = await VectraProcess.RunAsync("bench", "parquet", "--rows", "100000", "--repeat", "2", "--json", "--data", _folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(result.Stdout);
        var cpu = report.RootElement.GetProperty("vectraCpuSeconds").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(2, cpu.Count);
        // The process clock counts in scheduler ticks: a warm write of these rows may take less than one.
        Assert.All(cpu, seconds => Assert.InRange(seconds, 0, 600));
        Assert.True(cpu[0] > 0, "the cold write took no CPU time");
        var gc = report.RootElement.GetProperty("vectraGc").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, gc.Count);
        Assert.All(gc, line => Assert.Matches(@"^GC \d+/\d+/\d+, paused [\d.]+ ms, [\d,]+ MB allocated$", line));
        Assert.True(report.RootElement.GetProperty("vectraRunsIdentical").GetBoolean());
    }

    public void Dispose() => _folder.Dispose();
}
