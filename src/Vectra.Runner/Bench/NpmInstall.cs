using System.Diagnostics;
using System.Security.Cryptography;

namespace Vectra.Runner.Bench;

/// <summary>
/// Installs a Node tool's packages (<c>npm ci</c>) once for its package-lock.json, for the benches and the tests alike.
/// </summary>
/// <remarks>
/// Every process that needs the tool (a bench, test projects running side by side) goes through here: the install
/// runs under an exclusive lock file in the tool's folder, and a stamp in node_modules names the package-lock.json it
/// was installed from. A second process waits for the lock and then finds the stamp; it never starts an `npm ci`
/// that would delete node_modules under a running install. npm's output goes to stderr, so a bench's <c>--json</c>
/// stdout stays one JSON document.
/// </remarks>
internal static class NpmInstall
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(5);

    /// <summary>Returns at once when node_modules was installed from the current package-lock.json; otherwise installs it.</summary>
    public static async Task EnsureInstalledAsync(string folder, Action? beforeInstall = null)
    {
        var lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "package-lock.json"))));
        var stamp = Path.Combine(folder, "node_modules", ".vectra-installed-from");
        if (IsStamped(stamp, lockHash))
        {
            return;
        }
        // Left in place afterwards: deleting a lock file others may be waiting on would let two holders in.
        await using var installLock = await AcquireAsync(Path.Combine(folder, ".npm-ci.lock")).ConfigureAwait(false);
        if (IsStamped(stamp, lockHash))
        {
            return;
        }
        beforeInstall?.Invoke();
        await RunNpmCiAsync(folder).ConfigureAwait(false);
        // A lock file without packages leaves no node_modules behind; the stamp still needs its folder.
        Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
        await File.WriteAllTextAsync(stamp, lockHash).ConfigureAwait(false);
    }

    private static bool IsStamped(string stamp, string lockHash) => File.Exists(stamp) && File.ReadAllText(stamp) == lockHash;

    private static async Task<FileStream> AcquireAsync(string path)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    private static async Task RunNpmCiAsync(string folder)
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
            throw new UsageException("`npm` was not found: this needs Node.js 20 with npm on the PATH.");
        }
        using (process)
        {
            using var limit = new CancellationTokenSource(InstallLimit);
            try
            {
                await process.StandardOutput.BaseStream.CopyToAsync(Console.OpenStandardError(), limit.Token).ConfigureAwait(false);
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"npm ci in {folder} did not finish within {InstallLimit.TotalMinutes:0} minutes; check the network and run it by hand to see why.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {folder} (exit {process.ExitCode}); its output is above.");
            }
        }
    }
}
