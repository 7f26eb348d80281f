using System.Diagnostics;

namespace Vectra.Runner.Tests;

/// <summary>Runs the real <c>vectra</c> executable, as a user would, and captures its exit code and output.</summary>
internal static class VectraProcess
{
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
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(guard.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    internal sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }
}
