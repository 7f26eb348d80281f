using System.Diagnostics;

namespace Vectra.Runner.Tests;

/// <summary>Runs the real <c>vectra</c> executable, as a user would, and captures its exit code and output.</summary>
internal static class VectraProcess
{
    /// <summary>How long a command may run: generous, as the slowest (imports, replays) take seconds here and CI may be busier.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "vectra.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("VECTRA_DATA");
        return start;
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            // Left running, it would hold the data folder's writer lock and fail the tests after this one too.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"vectra {string.Join(' ', args)} did not exit within {Limit.TotalMinutes} min and was killed\nstdout: {await stdout}\nstderr: {await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    internal sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }
}
