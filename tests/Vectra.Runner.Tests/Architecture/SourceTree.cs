using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Architecture;

/// <summary>The C# files under <c>src/</c>, as text, for rules about how the code is laid out.</summary>
internal static class SourceTree
{
    /// <summary>Every source file below <c>src/<paramref name="folder"/></c> (build output excluded), with its path relative to the repository.</summary>
    public static IEnumerable<(string Path, string Text)> Files(string folder = "")
    {
        var root = Path.Combine(RepositoryRoot.Path, "src", folder);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }
            yield return (relative, File.ReadAllText(file));
        }
    }
}
