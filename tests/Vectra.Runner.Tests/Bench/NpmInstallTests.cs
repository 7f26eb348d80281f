using System.Security.Cryptography;
using Vectra.Runner.Bench;
using Vectra.Tests.Common;
using Xunit;

namespace Vectra.Runner.Tests.Bench;

/// <summary>
/// The one npm installer of the benches and the test fixtures: callers at the same moment run <c>npm ci</c> once
/// (a second install would delete node_modules under the first), and a changed package-lock.json installs again.
/// </summary>
public sealed class NpmInstallTests
{
    [Fact]
    public async Task Callers_at_the_same_moment_install_once_and_a_changed_lock_file_installs_again()
    {
        using var folder = new TempFolder();
        WritePackage(folder, "first");
        var installs = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => NpmInstall.EnsureInstalledAsync(folder.Path, () => Interlocked.Increment(ref installs)))));

        Assert.Equal(1, installs);
        Assert.Equal(LockHash(folder), File.ReadAllText(folder.File("node_modules/.vectra-installed-from")));

        await NpmInstall.EnsureInstalledAsync(folder.Path, () => Interlocked.Increment(ref installs));
        Assert.Equal(1, installs);

        WritePackage(folder, "second");
        await NpmInstall.EnsureInstalledAsync(folder.Path, () => Interlocked.Increment(ref installs));
        Assert.Equal(2, installs);
        Assert.Equal(LockHash(folder), File.ReadAllText(folder.File("node_modules/.vectra-installed-from")));
    }

    // A package without dependencies: npm ci succeeds offline and quickly.
    private static void WritePackage(TempFolder folder, string name)
    {
        File.WriteAllText(folder.File("package.json"), $$"""{"name":"{{name}}","version":"1.0.0","private":true}""");
        var root = $$"""{"name":"{{name}}","version":"1.0.0"}""";
        File.WriteAllText(folder.File("package-lock.json"), root[..^1] + ""","lockfileVersion":3,"requires":true,"packages":{"":""" + root + "}}");
    }

    private static string LockHash(TempFolder folder) =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(folder.File("package-lock.json"))));
}
