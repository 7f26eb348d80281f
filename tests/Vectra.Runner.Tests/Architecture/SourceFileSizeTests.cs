using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Architecture;

/// <summary>
/// Keeps the house small: every file under <c>src/</c> stays under 300 lines, so a file holds one idea and a newcomer
/// reads it top to bottom. A file that grows past it is split by concept, not exempted.
/// </summary>
public sealed class SourceFileSizeTests
{
    private const int MaxLines = 300;

    [Fact]
    public void Every_file_under_src_is_under_300_lines()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src");
        var large = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Select(file => (Path: Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/'), File: file))
            .Where(file => !file.Path.Contains("/obj/", StringComparison.Ordinal) && !file.Path.Contains("/bin/", StringComparison.Ordinal))
            .Select(file => (file.Path, Lines: LineCount(File.ReadAllText(file.File))))
            .Where(file => file.Lines >= MaxLines)
            .OrderByDescending(file => file.Lines)
            .Select(file => $"{file.Path}: {file.Lines} lines")
            .ToList();

        Assert.True(large.Count == 0, $"split these files by concept until each is under {MaxLines} lines:\n{string.Join('\n', large)}");
    }

    [Fact]
    public void Lines_are_counted_as_an_editor_shows_them()
    {
        Assert.Equal(0, LineCount(""));
        Assert.Equal(1, LineCount("namespace A;"));
        Assert.Equal(1, LineCount("namespace A;\n"));
        Assert.Equal(2, LineCount("namespace A;\r\n\r\n"));
        Assert.Equal(MaxLines, LineCount(string.Concat(Enumerable.Repeat("x\n", MaxLines))));
    }

    /// <summary>Lines as <c>wc -l</c> counts them, plus a last line without its newline.</summary>
    private static int LineCount(string text) =>
        text.Count(c => c == '\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
}
