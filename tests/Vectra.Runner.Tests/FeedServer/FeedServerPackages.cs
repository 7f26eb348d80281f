using System.Diagnostics;
using System.Security.Cryptography;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.FeedServer;

/// <summary>
/// Installs the feed server's npm packages with <c>npm ci</c> once per test run, when node_modules
/// is missing or was installed from another package-lock.json. A lock file keeps concurrent test
/// processes from installing into the same folder at once.
/// </summary>
public static class FeedServerPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<Task> Installation = new(InstallIfStaleAsync);

    /// <summary>The feed server's folder, tests/feed-server.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "feed-server");

    private static string StampPath => Path.Combine(Folder, "node_modules", ".vectra-installed-from");

    /// <summary>Completes when node_modules matches package-lock.json.</summary>
    public static Task EnsureInstalledAsync() => Installation.Value;

    private static async Task InstallIfStaleAsync()
    {
        var lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Folder, "package-lock.json"))));
        if (IsInstalledFrom(lockHash))
        {
            return;
        }
        await using var installLock = await AcquireInstallLockAsync();
        if (IsInstalledFrom(lockHash))
        {
            return;
        }
        await RunNpmCiAsync();
        await File.WriteAllTextAsync(StampPath, lockHash);
    }

    private static bool IsInstalledFrom(string lockHash) =>
        File.Exists(StampPath) && File.ReadAllText(StampPath) == lockHash;

    private static async Task<FileStream> AcquireInstallLockAsync()
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        // Left in place afterwards: deleting a lock file others may be waiting on would let two holders in.
        var lockPath = Path.Combine(Folder, ".npm-ci.lock");
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task RunNpmCiAsync()
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("could not start npm");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci in {Folder} did not finish within {InstallTimeout}");
        }
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {Folder} failed ({npm.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
