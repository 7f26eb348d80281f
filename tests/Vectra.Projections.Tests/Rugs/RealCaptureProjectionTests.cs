using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>The projections over the real feed captures (VECTRA_REALDATA).</summary>
public class RealCaptureProjectionTests
{
    [RealDataFact]
    public async Task Complete_games_are_exactly_the_distinct_history_ids_and_every_seeded_priced_game_verifies()
    {
        using var folder = new TempFolder();
        var records = RealCaptureRecords.All();
        var data = await ProjectionHarness.JournalAndProjectAsync(folder.Path, records);

        var historyIds = RecordingFacts.HistoryIds(records);
        var rows = ProjectionHarness.Query(data, "SELECT game_id, server_seed IS NOT NULL, prices_source, fairness, rug_tick FROM complete_games",
            r => (Id: r.GetString(0), Seeded: r.GetInt64(1) == 1, Source: r.GetString(2), Fairness: r.GetString(3), RugTick: r.NullableLong(4)));
        Assert.Equal(historyIds.Order(), rows.Select(r => r.Id).Order());

        var seededWithPrices = rows.Where(r => r.Seeded && r.Source == "history").ToList();
        Assert.True(seededWithPrices.Count >= 20, $"only {seededWithPrices.Count} games with seed and prices");
        Assert.All(seededWithPrices, r => Assert.Equal("verified", r.Fairness));
        Assert.All(rows.Where(r => r.Seeded && r.Source == "regenerated"), r => Assert.Equal("verified", r.Fairness));
        Assert.Empty(Vectra.Projections.Runtime.ProjectionStates.Quarantined(data).Select(q => $"{q.Projection} {q.Seq} {q.Event}: {q.Error}"));
    }

    [RealDataFact]
    public async Task A_games_rug_tick_seen_live_equals_its_rug_tick_in_complete_games()
    {
        using var folder = new TempFolder();
        var data = await ProjectionHarness.JournalAndProjectAsync(folder.Path, RealCaptureRecords.All());

        var both = ProjectionHarness.Query(data,
            "SELECT g.game_id, g.rug_tick, c.rug_tick, c.live_mismatches, c.ticks_observed FROM games g JOIN complete_games c USING (game_id) WHERE g.rug_tick IS NOT NULL",
            r => (Id: r.GetString(0), Live: r.GetInt64(1), History: r.GetInt64(2), Mismatches: r.GetInt64(3), Observed: r.GetInt64(4)));
        Assert.True(both.Count >= 2, $"only {both.Count} games were seen live and in a history window");
        Assert.All(both, g => Assert.Equal(g.History, g.Live));
        Assert.All(both, g => Assert.Equal(0, g.Mismatches));
        Assert.Contains(both, g => g.Observed > 0);
    }
}
