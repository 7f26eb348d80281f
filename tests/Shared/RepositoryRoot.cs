namespace Vectra.Tests.Common;

/// <summary>Finds the repository's root (the folder holding Vectra.sln) from a test's output folder.</summary>
public static class RepositoryRoot
{
    /// <summary>The absolute path of the repository root.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Vectra.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Vectra.sln not found above {AppContext.BaseDirectory}");
    }
}
