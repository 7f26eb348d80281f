
namespace Vectra.Runner.Import;

/// <summary>The files <c>vectra import PATH…</c> names: files as given, folders walked recursively for <c>*.jsonl</c> and <c>*.json</c>.</summary>
internal static class RecordingFiles
{
    /// <summary>Every file to import, in the order given (a folder's files sorted by path); throws <see cref="ImportInputException"/> for a missing path.</summary>
    public static IReadOnlyList<RecordingFile> Expand(IEnumerable<string> paths)
    {
        var files = new List<RecordingFile>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(new RecordingFile(Path.GetFullPath(path), NamedExplicitly: true));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal)
                    .Select(f => new RecordingFile(f, NamedExplicitly: false)));
            }
            else
            {
                throw new ImportInputException($"{path} does not exist. Pass recording files or folders that hold them (folders are searched for *.jsonl and *.json).");
            }
        }
        return files;
    }
}
