using System.Security.Cryptography;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Exports;

/// <summary><c>vectra rebuild</c> through the real binary: every closed export file comes back with the same sha256, and nothing else is removed.</summary>
public class RebuildExportsTests
{
    /// <summary>A feed that crosses a UTC midnight, so every export type closes its first day's file.</summary>
    internal static async Task JournalAcrossMidnight(string data, int games = 24)
    {
        var options = new SimulationOptions(games, 5, new DateTimeOffset(2025, 12, 31, 23, 50, 0, TimeSpan.Zero), SimulationFaults.Parse("dup-extended,out-of-order,gap:2"));
        using var writer = JournalWriter.Open(data, Durability.None);
        foreach (var chunk in FeedSimulator.Records(options).Chunk(4000))
        {
            await writer.AppendExactAsync(chunk);
        }
    }

    private static SortedDictionary<string, string> ClosedFiles(string data)
    {
        var exports = Path.Combine(data, "exports");
        return new SortedDictionary<string, string>(
            Directory.EnumerateFiles(exports, "*.parquet", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("-open.parquet", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(exports, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);
    }

    [Fact]
    public async Task Rebuild_reproduces_every_closed_export_file_byte_for_byte_and_keeps_other_files()
    {
        using var folder = new TempFolder();
        await JournalAcrossMidnight(folder.Path);
        var project = await VectraProcess.RunAsync("project", "--data", folder.Path);
        Assert.True(project.ExitCode == 0, project.ToString());
        var events = await VectraProcess.RunAsync("export", "events", "--data", folder.Path);
        Assert.True(events.ExitCode == 0, events.ToString());
        var closed = ClosedFiles(folder.Path);
        foreach (var type in new[] { "events", "game_tick", "trade", "complete_game", "sidebet" })
        {
            Assert.Contains(closed.Keys, f => f.StartsWith($"doc_type={type}{Path.DirectorySeparatorChar}date=2025-12-31", StringComparison.Ordinal));
        }
        var userFile = Path.Combine(folder.Path, "exports", "doc_type=trade", "notes.txt");
        File.WriteAllText(userFile, "mine");

        var rebuild = await VectraProcess.RunAsync("rebuild", "--data", folder.Path);
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Equal(closed, ClosedFiles(folder.Path));
        var eventsAgain = await VectraProcess.RunAsync("export", "events", "--rebuild", "--data", folder.Path);
        Assert.True(eventsAgain.ExitCode == 0, eventsAgain.ToString());
        Assert.Equal(closed, ClosedFiles(folder.Path));

        var single = await VectraProcess.RunAsync("rebuild", "--projection", "export.trade", "--data", folder.Path);
        Assert.True(single.ExitCode == 0, single.ToString());
        Assert.Equal(closed, ClosedFiles(folder.Path));
        Assert.Equal("mine", File.ReadAllText(userFile));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(folder.Path, "exports"), "*-open.parquet", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder.Path, "exports"), "*.tmp", SearchOption.AllDirectories));
    }
}
