using System.Text.Json;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>Simulated recordings, with each fault real captures show, projected and compared with the simulator's ground truth.</summary>
public class SimulatedFeedTruthTests
{
    public static TheoryData<string> Faults => new()
    {
        "",
        "dup-extended",
        "out-of-order",
        "missing-rug-emission",
        "gap:3",
        "gap:8",
        "mid-game",
        "dup-extended,out-of-order,missing-rug-emission,gap:2,mid-game",
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Tables_equal_the_ground_truth(string faults)
    {
        using var folder = new TempFolder();
        var options = SimulationOptions.Of(40, 11) with { Faults = SimulationFaults.Parse(faults) };
        var records = FeedSimulator.Records(options).ToList();
        var truth = FeedSimulator.Truth(options).ToDictionary(g => g.Id);
        var data = await ProjectionHarness.JournalAndProjectAsync(folder.Path, records);

        CompleteGamesMatch(data, truth, RecordingFacts.HistoryIds(records), faults);
        GamesAndTicksMatch(data, truth, faults);
        TradesMatch(data, truth, RecordingFacts.TradeIds(records), faults);
        SidebetsMatch(data, truth);
    }

    private static void CompleteGamesMatch(string data, Dictionary<string, GameTruth> truth, HashSet<string> published, string faults)
    {
        var rows = ProjectionHarness.Query(data,
            "SELECT game_id, server_seed, server_seed_hash, rug_tick, peak_multiplier, prices, prices_source, fairness, sidebet_count FROM complete_games",
            r => (Id: r.GetString(0), Seed: r.GetString(1), Hash: r.GetString(2), RugTick: r.GetInt32(3), Peak: r.GetDouble(4),
                Prices: JsonSerializer.Deserialize<double[]>(r.GetString(5))!, Source: r.GetString(6), Fairness: r.GetString(7), Sidebets: r.GetInt32(8)));
        Assert.Equal(published.Order(), rows.Select(r => r.Id).Order());
        if (!faults.Contains("missing-rug-emission"))
        {
            Assert.Equal(truth.Keys.Order(), published.Order());
        }
        foreach (var row in rows)
        {
            var game = truth[row.Id];
            Assert.Equal((game.ServerSeed, game.ServerSeedHash, game.RugTick, game.Peak), (row.Seed, row.Hash, row.RugTick, row.Peak));
            Assert.Equal(game.Prices, row.Prices);
            Assert.Equal(("history", "verified"), (row.Source, row.Fairness));
        }
    }

    private static void GamesAndTicksMatch(string data, Dictionary<string, GameTruth> truth, string faults)
    {
        var games = ProjectionHarness.Query(data,
            "SELECT game_id, rug_tick, final_price, peak_observed, ticks_observed, ticks_backfilled, ticks_missing, server_seed_hash, phase FROM games WHERE rug_tick IS NOT NULL",
            r => (Id: r.GetString(0), RugTick: r.GetInt32(1), Final: r.GetDouble(2), Peak: r.GetDouble(3), Observed: r.GetInt64(4),
                Backfilled: r.GetInt64(5), Missing: r.GetInt64(6), Hash: r.GetString(7), Phase: r.GetString(8)));
        var live = truth.Values.Where(g => g.Live).ToArray();
        Assert.Equal(live.Select(g => g.Id).Order(), games.Select(g => g.Id).Order());
        var gap = faults.Split(',').FirstOrDefault(f => f.StartsWith("gap:", StringComparison.Ordinal)) is { } g ? int.Parse(g[4..]) : 0;
        foreach (var game in games)
        {
            var expected = truth[game.Id];
            Assert.Equal((expected.RugTick, expected.Prices[^1], expected.ServerSeedHash, "rugged"), (game.RugTick, game.Final, game.Hash, game.Phase));
            var hadGap = gap > 0 && expected.RugTick >= gap + 2;
            Assert.Equal(hadGap ? Math.Max(0, gap - 4) : 0, game.Missing);
            Assert.Equal(expected.RugTick + 1, game.Observed + game.Backfilled + game.Missing);
            if (game.Missing == 0)
            {
                Assert.Equal(expected.Prices.Max(), game.Peak);
            }
            var ticks = ProjectionHarness.Query(data, $"SELECT tick, price FROM ticks WHERE game_id = '{game.Id}'", r => (Tick: r.GetInt32(0), Price: r.GetDouble(1)));
            Assert.All(ticks, t => Assert.Equal(expected.Prices[t.Tick], t.Price));
        }
    }

    private static void TradesMatch(string data, Dictionary<string, GameTruth> truth, HashSet<string> broadcast, string faults)
    {
        var expected = truth.Values.Where(g => g.Live).SelectMany(g => g.Trades.Select(t => (Game: g.Id, Trade: t))).ToDictionary(t => t.Trade.Id);
        var rows = ProjectionHarness.Query(data,
            "SELECT id, game_id, player_id, username, type, amount, price, qty, tick, leverage, forced FROM trades",
            r => (Id: r.GetString(0), Game: r.GetString(1), Player: r.GetString(2), Username: r.NullableString(3), Type: r.GetString(4),
                Amount: r.GetDouble(5), Price: r.GetDouble(6), Qty: r.GetDouble(7), Tick: r.GetInt32(8), Leverage: (int?)r.NullableLong(9), Forced: r.GetInt64(10) == 1));
        Assert.Equal(broadcast.Order(), rows.Select(r => r.Id).Order());
        if (!faults.Contains("mid-game"))
        {
            Assert.Equal(expected.Keys.Order(), broadcast.Order());
        }
        Assert.Contains(rows, r => r.Forced);
        foreach (var row in rows)
        {
            var (game, trade) = expected[row.Id];
            Assert.Equal(
                (game, trade.PlayerId, trade.Username, trade.Type, trade.Amount, trade.Price, trade.Qty, trade.Tick, trade.Leverage, trade.Forced),
                (row.Game, row.Player, row.Username, row.Type, row.Amount, row.Price, row.Qty, row.Tick, row.Leverage, row.Forced));
        }
    }

    private static void SidebetsMatch(string data, Dictionary<string, GameTruth> truth)
    {
        var rows = ProjectionHarness.Query(data,
            "SELECT game_id, player_id, bet_amount, start_tick, end_tick, won, payout FROM sidebets",
            r => (Game: r.GetString(0), Player: r.GetString(1), Bet: r.GetDouble(2), Start: r.GetInt32(3), End: r.GetInt32(4), Won: r.GetInt64(5) == 1, Payout: r.GetDouble(6)));
        var published = ProjectionHarness.Query(data, "SELECT game_id FROM complete_games", r => r.GetString(0));
        var expected = published.SelectMany(id => truth[id].Sidebets.Select(b => (Game: id, b.PlayerId, b.Bet, b.StartTick, b.EndTick, b.Won, b.Payout))).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(
            expected.OrderBy(e => (e.Game, e.PlayerId, e.StartTick)),
            rows.Select(r => (r.Game, r.Player, r.Bet, r.Start, r.End, r.Won, r.Payout)).OrderBy(e => (e.Game, e.Player, e.Start)));
    }
}
