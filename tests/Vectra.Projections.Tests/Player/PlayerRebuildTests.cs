using Vectra.Journal.Records;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Player;

/// <summary>
/// The player tables do not depend on how the records reached them: a run in many small steps (a live capture's
/// commits) and a rebuild from the journal give identical tables, and duplicated player records change no action,
/// answer, fill, latest state or rugpool row.
/// </summary>
public sealed class PlayerRebuildTests
{
    /// <summary>Columns that name which copy of a record was used.</summary>
    private static readonly HashSet<string> CopyColumns = ["meta_seq", "meta_ts", "sent_seq", "sent_ts", "answer_seq", "answer_ts", "trade_seq", "latency_ms"];

    private static readonly List<JournalRecord> Recording = SimulatedPlayer.Records(SimulatedPlayer.Options(15, 29, "gap:2"));

    [Fact]
    public async Task A_rebuild_reproduces_the_player_tables_of_a_run_in_small_steps()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, Recording);
        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.All()))
        {
            for (long seq = 97; seq < Recording.Count + 97; seq += 97)
            {
                runner.CatchUpTo(Math.Min(seq, Recording.Count));
            }
        }
        var live = ViewsDump.Text(folder.Path, SimulatedPlayer.Tables);
        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.All()))
        {
            runner.Reset(["player_state", "player_actions", "rugpool"]);
            runner.CatchUp();
        }
        Assert.Equal(live, ViewsDump.Text(folder.Path, SimulatedPlayer.Tables));
        Assert.Contains("\"answer_event\":\"$cdp.ack\"", live);
        Assert.Contains("\"trade_id\":\"", live);
        Assert.Empty(ProjectionStates.Quarantined(folder.Path));
    }

    [Fact]
    public async Task Duplicated_player_records_change_no_action_fill_latest_state_or_rugpool()
    {
        string[] tables = ["player_latest", "player_actions", "player_fills", "rugpool", "rugpool_entries"];
        var random = new Random(11);
        var player = new HashSet<string> { "$cdp.sent", "$cdp.ack", "playerUpdate", "gameStatePlayerUpdate", "standard/newTrade", "currentSidebet" };
        var duplicated = Recording.SelectMany(r => player.Contains(r.Event) && random.Next(3) == 0 ? [r, r] : new[] { r }).ToList();
        Assert.True(duplicated.Count > Recording.Count + 100);

        using var once = new TempFolder();
        using var twice = new TempFolder();
        await ProjectionHarness.JournalAndProjectAsync(once.Path, Recording);
        await ProjectionHarness.JournalAndProjectAsync(twice.Path, duplicated);
        Assert.Equal(ViewsDump.Text(once.Path, tables, CopyColumns), ViewsDump.Text(twice.Path, tables, CopyColumns));
        Assert.Empty(ProjectionStates.Quarantined(twice.Path));
    }
}
