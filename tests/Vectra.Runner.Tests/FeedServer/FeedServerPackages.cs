using Vectra.Runner.Bench;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.FeedServer;

/// <summary>
/// Installs the feed server's npm packages once per test run through the product's <see cref="NpmInstall"/>, whose
/// lock and stamp it shares with <c>vectra bench capture</c> and concurrent test processes.
/// </summary>
public static class FeedServerPackages
{
    /// <summary>The feed server's folder, tests/feed-server.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "feed-server");

    private static readonly Lazy<Task> Installation = new(() => NpmInstall.EnsureInstalledAsync(Folder));

    /// <summary>Completes when node_modules matches package-lock.json.</summary>
    public static Task EnsureInstalledAsync() => Installation.Value;
}
