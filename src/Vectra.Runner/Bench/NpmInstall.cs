using System.Diagnostics;

namespace Vectra.Runner.Bench;

/// <summary>Runs <c>npm ci</c> for a bench's Node tool with npm's output sent to stderr, so a bench's <c>--json</c> stdout stays one JSON document.</summary>
internal static class NpmInstall
{
    /// <summary>Installs the packages of <paramref name="folder"/>'s package-lock.json; throws when npm is missing or fails.</summary>
    public static async Task RunAsync(string folder)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("could not start npm.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UsageException("`npm` was not found: this benchmark needs Node.js 20 with npm on the PATH.");
        }
        using (process)
        {
            await process.StandardOutput.BaseStream.CopyToAsync(Console.OpenStandardError()).ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {folder} (exit {process.ExitCode}).");
            }
        }
    }
}
