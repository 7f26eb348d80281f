using System.Diagnostics;

namespace Vectra.Runner.Tests;

/// <summary>Runs vectra under <c>strace -f</c>, tracing the given syscalls into a file, and returns the trace's lines once it exited 0.</summary>
internal static class StracedVectra
{
    public static async Task<string[]> RunAsync(string trace, string syscalls, params string[] args)
    {
        var start = new ProcessStartInfo("strace") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-f", "-e", "trace=" + syscalls, "-o", trace, "dotnet", VectraProcess.Dll }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await output + await error);
        return File.ReadAllLines(trace);
    }
}
