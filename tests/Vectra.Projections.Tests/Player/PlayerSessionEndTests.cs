using System.Text;
using Vectra.Journal.Records;
using Vectra.Projections.Exports.Player;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Exports;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Player;

/// <summary>
/// A player session whose records end inside a game (a capture stopped mid-game, an imported recording that ends there):
/// that game's actions are exported when the session's end is journaled, not left out of <c>doc_type=player_action</c>
/// for good because the feed never moved on.
/// </summary>
public sealed class PlayerSessionEndTests
{
    [Theory]
    [InlineData(SystemEvents.SessionStop, """[{"clean":true}]""")]
    [InlineData(SystemEvents.Import, """[{"file":"cdp.jsonl","format":"cdp","lines":1,"skipped":0}]""")]
    public async Task The_game_a_session_ends_in_is_exported_when_its_end_is_journaled(string endEvent, string endArgs)
    {
        using var folder = new TempFolder();
        var records = SimulatedPlayer.Records(SimulatedPlayer.Options(games: 6, seed: 17));
        // Cut right after an answered request in the second half, so the session ends inside a game with actions.
        var cut = records.FindIndex(records.Count / 2, r => r.Event == SystemEvents.CdpAck) + 1;
        Assert.True(cut > 0, "the simulated session has no ack in its second half");
        var ended = records.Take(cut).ToList();
        var last = ended[^1];
        ended.Add(last with { Seq = last.Seq + 1, Conn = 0, Event = endEvent, Args = Encoding.UTF8.GetBytes(endArgs) });
        await ProjectionHarness.JournalAsync(folder.Path, ended);

        ProjectionHarness.Project(folder.Path);

        Assert.Empty(ProjectionStates.Quarantined(folder.Path));
        var lastGame = ProjectionHarness.Query(folder.Path, "SELECT game_id FROM player_actions ORDER BY sent_seq DESC LIMIT 1", r => r.GetString(0)).Single();
        var actions = ExportedRows.Read(folder.Path, "player_action", PlayerActionExport.Columns, 0, 1, 21);
        Assert.Contains(actions.ByKey.Values, row => row[3].GetString() == lastGame);
        actions.AssertEqualToViews(folder.Path,
            SimulatedPlayer.ActionRowsQuery,
            PlayerActionExport.Columns, 0, 1, 21);
    }
}
