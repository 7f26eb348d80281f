using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Exports;

/// <summary>The CSV export takes <c>rugged</c> from the data and writes each file like every other export: fsynced, then renamed.</summary>
public partial class CsvDurabilityTests
{
    private static async Task<(TempFolder Folder, string Unknown)> ProjectedWithOneUnknownRug()
    {
        var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.None))
        {
            await writer.AppendExactAsync([.. FeedSimulator.Records(SimulationOptions.Of(6, 3))]);
        }
        var project = await VectraProcess.RunAsync("project", "--data", folder.Path);
        Assert.True(project.ExitCode == 0, project.ToString());
        // A game whose rug tick is not known (its prices never arrived): nothing says it rugged.
        using var views = new SqliteConnection($"Data Source={folder.File("views.db")};Pooling=False");
        views.Open();
        using var pick = views.CreateCommand();
        pick.CommandText = "SELECT game_id FROM complete_games c WHERE EXISTS (SELECT 1 FROM sidebets s WHERE s.game_id = c.game_id) ORDER BY game_id LIMIT 1";
        var unknown = (string)pick.ExecuteScalar()!;
        using var forget = views.CreateCommand();
        forget.CommandText = "UPDATE complete_games SET rug_tick = NULL WHERE game_id = $g";
        forget.Parameters.AddWithValue("$g", unknown);
        Assert.Equal(1, forget.ExecuteNonQuery());
        return (folder, unknown);
    }

    [Fact]
    public async Task Rugged_is_true_where_the_rug_tick_is_known_and_empty_where_it_is_not()
    {
        var (folder, unknown) = await ProjectedWithOneUnknownRug();
        using var owned = folder;
        var export = await VectraProcess.RunAsync("export", "csv", "--data", folder.Path, "--out", folder.File("csv"));
        Assert.True(export.ExitCode == 0, export.ToString());

        var games = File.ReadAllLines(folder.File("csv/games_summary.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal("", Assert.Single(games, g => g[0] == unknown)[3]);
        Assert.All(games.Where(g => g[0] != unknown), g => Assert.Equal("true", g[3]));
        var bets = File.ReadAllLines(folder.File("csv/sidebets_detailed.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Contains(bets, b => b[0] == unknown);
        Assert.All(bets, b => Assert.Equal(b[0] == unknown ? "" : "true", b[4]));
    }

    [Fact]
    public async Task Each_csv_file_is_fsynced_before_it_is_renamed_into_place()
    {
        var (folder, _) = await ProjectedWithOneUnknownRug();
        using var owned = folder;
        var trace = folder.File("strace.log");
        var lines = await StracedVectra.RunAsync(trace, "openat,fsync,fdatasync,rename,renameat,renameat2",
            "export", "csv", "--data", folder.Path, "--out", folder.File("csv"));

        foreach (var name in new[] { "games_summary.csv", "sidebets_detailed.csv" })
        {
            var temporary = folder.File("csv/" + name + ".tmp");
            var opened = lines.Select((line, at) => (line, at)).Single(l => l.line.Contains($"openat(AT_FDCWD, \"{temporary}\"", StringComparison.Ordinal) && !l.line.Contains("unfinished", StringComparison.Ordinal));
            var fd = Returned().Match(opened.line).Groups[1].Value;
            var renamed = Array.FindIndex(lines, l => l.Contains($"\"{temporary}\"", StringComparison.Ordinal) && l.Contains("rename", StringComparison.Ordinal));
            Assert.True(renamed > opened.at, $"{name}: no rename of its temporary after it was opened");
            var synced = lines.Skip(opened.at + 1).Take(renamed - opened.at - 1).Any(l => l.Contains($"fsync({fd})", StringComparison.Ordinal) || l.Contains($"fdatasync({fd})", StringComparison.Ordinal));
            Assert.True(synced, $"{name}: its temporary (fd {fd}) was renamed without an fsync");
        }
    }

    [GeneratedRegex(@"= (\d+)$")]
    private static partial Regex Returned();
}
