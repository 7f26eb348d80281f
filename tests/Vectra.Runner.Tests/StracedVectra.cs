using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vectra.Runner.Tests;

/// <summary>Runs vectra under <c>strace -f</c>, tracing the given syscalls into a file, and returns the trace's lines once it exited 0.</summary>
internal static partial class StracedVectra
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
        return Joined(File.ReadAllLines(trace));
    }

    /// <summary>
    /// The trace with every call another thread interrupted joined back into one line, where it started: strace writes
    /// "PID fsync(80 &lt;unfinished ...&gt;" and later "PID &lt;... fsync resumed&gt;) = 0", which a loaded machine does often
    /// enough that a test looking for "fsync(80)" failed a CI run.
    /// </summary>
    public static string[] Joined(IEnumerable<string> lines)
    {
        var joined = new List<string>();
        var pending = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            if (Unfinished().Match(line) is { Success: true } start)
            {
                pending[start.Groups["pid"].Value] = joined.Count;
                joined.Add(start.Groups["call"].Value);
            }
            else if (Resumed().Match(line) is { Success: true } end && pending.Remove(end.Groups["pid"].Value, out var at))
            {
                joined[at] += end.Groups["rest"].Value;
            }
            else
            {
                joined.Add(line);
            }
        }
        return [.. joined];
    }

    [GeneratedRegex(@"^(?<call>(?<pid>\d+)\s.*?) <unfinished \.\.\.>$")]
    private static partial Regex Unfinished();

    [GeneratedRegex(@"^(?<pid>\d+)\s+<\.\.\. \w+ resumed>(?<rest>.*)$")]
    private static partial Regex Resumed();
}
