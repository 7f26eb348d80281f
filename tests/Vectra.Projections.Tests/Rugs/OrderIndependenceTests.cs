using Vectra.Journal.Records;
using Vectra.Projections.Runtime;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>The same journal projected twice, or with frames duplicated or shuffled within a game, gives the same tables.</summary>
public class OrderIndependenceTests
{
    /// <summary>Columns that name which copy of a frame was used (its seq, its receive time); everything else must agree.</summary>
    private static readonly HashSet<string> CopyColumns = ["first_seq", "last_seq", "meta_seq", "meta_ts"];

    private static readonly List<JournalRecord> Recording =
        FeedSimulator.Records(SimulationOptions.Of(25, 3) with { Faults = SimulationFaults.Parse("gap:2,mid-game") }).ToList();

    [Fact]
    public async Task Projecting_the_same_journal_twice_gives_identical_tables()
    {
        using var folder = new TempFolder();
        var data = await ProjectionHarness.JournalAndProjectAsync(folder.Path, Recording);
        var first = ViewsDump.Text(data, ViewsDump.RugsTables);
        using (var runner = ProjectionRunner.Open(data, ProjectionCatalog.All()))
        {
            runner.Reset();
            runner.CatchUp();
        }
        Assert.Equal(first, ViewsDump.Text(data, ViewsDump.RugsTables));
        Assert.Contains("\"rug_tick\":", first);
    }

    [Fact]
    public async Task Duplicated_frames_give_the_same_tables()
    {
        var random = new Random(5);
        var duplicated = Recording.SelectMany(r => random.Next(4) == 0 ? [r, r] : new[] { r }).ToList();
        Assert.True(duplicated.Count > Recording.Count + 1000);
        Assert.Equal(await DumpOf(Recording), await DumpOf(duplicated));
    }

    [Fact]
    public async Task Frames_shuffled_within_each_game_give_the_same_tables()
    {
        var random = new Random(9);
        var shuffled = GroupsByGame(Recording).SelectMany(group => group.OrderBy(_ => random.Next())).ToList();
        Assert.NotEqual(Recording.Select(r => r.Seq), shuffled.Select(r => r.Seq));
        Assert.Equal(await DumpOf(Recording), await DumpOf(shuffled));
    }

    private static async Task<string> DumpOf(IEnumerable<JournalRecord> records)
    {
        using var folder = new TempFolder();
        var data = await ProjectionHarness.JournalAndProjectAsync(folder.Path, records);
        return ViewsDump.Text(data, ViewsDump.RugsTables, CopyColumns);
    }

    /// <summary>Consecutive runs of records that belong to one game (by the payload's gameId; others join the run they are in).</summary>
    private static IEnumerable<List<JournalRecord>> GroupsByGame(IEnumerable<JournalRecord> records)
    {
        var group = new List<JournalRecord>();
        string? current = null;
        foreach (var record in records)
        {
            var payload = RecordingFacts.Payload(record);
            var gameId = payload.ValueKind == System.Text.Json.JsonValueKind.Object && payload.TryGetProperty("gameId", out var id) ? id.GetString() : current;
            if (gameId != current && group.Count > 0)
            {
                yield return group;
                group = [];
            }
            current = gameId;
            group.Add(record);
        }
        yield return group;
    }
}
