using System.Globalization;
using System.Text;
using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Rugs.Fairness;
using Vectra.Projections.Tests.Exports;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>
/// Completed games whose <c>gameHistory</c> entry has <c>"prices": []</c> or no prices: with a revealed seed their prices
/// come from the seed; without one their rug tick and sidebet outcomes are unknown (NULL), in views.db and in the exports.
/// </summary>
public sealed class HistoryWithoutPricesTests
{
    private const string Seed = "3ebcc4cd5daa7e41cb996efb2c4b73f0235b8e385617c142f17eee9b685d9a7d";
    private const string EmptyWithSeed = "20251215-1a211bfc7caf41d6";
    private const string AbsentWithSeed = "20251215-00000000000000b2";
    private const string EmptyNoSeed = "20251215-00000000000000b3";
    private const string AbsentNoSeed = "20251215-00000000000000b4";

    private static string Entry(string id, string prices, bool seed) => $$"""
        {"id":"{{id}}","timestamp":1765800000000,{{prices}}"peakMultiplier":null,"rugged":true,"gameVersion":"v3",
         "provablyFair":{{(seed ? $$"""{"serverSeed":"{{Seed}}","serverSeedHash":"{{SeedHash.Compute(Seed)}}"}""" : "{}")}},
         "globalSidebets":[
           {"playerId":"p-early","betAmount":0.1,"xPayout":5,"startedAtTick":0,"type":"placed","id":"s1"},
           {"playerId":"p-late","betAmount":0.2,"xPayout":5,"startedAtTick":300,"type":"placed","id":"s2"}]}
        """;

    private static IEnumerable<JournalRecord> Records()
    {
        var history = string.Join(',',
            Entry(EmptyWithSeed, "\"prices\":[],", seed: true),
            Entry(AbsentWithSeed, "", seed: true),
            Entry(EmptyNoSeed, "\"prices\": [ ],", seed: false),
            Entry(AbsentNoSeed, "", seed: false));
        string[] payloads =
        [
            $$"""{"gameId":"20251215-00000000000000c1","active":false,"rugged":false,"cooldownTimer":15000,"tickCount":0,"price":1,"gameHistory":[{{history}}]}""",
            """{"gameId":"20251215-00000000000000c2","active":false,"rugged":false,"cooldownTimer":15000,"tickCount":0,"price":1}""",
        ];
        return payloads.Select((payload, i) => new JournalRecord(
            0, 1_765_800_010_000_000 + (i * 1_000_000L), Guid.Empty, 1, "live", "gameStateUpdate", Encoding.UTF8.GetBytes("[" + payload + "]")));
    }

    [Fact]
    public async Task A_revealed_seed_regenerates_the_prices_and_without_one_rug_tick_and_sidebet_outcomes_are_null()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAndProjectAsync(folder.Path, Records());

        var games = ProjectionHarness.Query(folder.Path, "SELECT game_id, rug_tick, prices, prices_source, fairness FROM complete_games", r =>
            (Id: r.GetString(0), RugTick: r.NullableLong(1), Prices: r.NullableString(2), Source: r.GetString(3), Fairness: r.GetString(4)))
            .ToDictionary(g => g.Id);
        foreach (var id in new[] { EmptyWithSeed, AbsentWithSeed })
        {
            var outcome = FairGame.Generate(Seed, id);
            Assert.Equal((outcome.RugTick, "regenerated", "verified"), ((int)games[id].RugTick!.Value, games[id].Source, games[id].Fairness));
            Assert.Equal(outcome.Prices, JsonSerializer.Deserialize<double[]>(games[id].Prices!));
        }
        foreach (var id in new[] { EmptyNoSeed, AbsentNoSeed })
        {
            Assert.Equal((null, null, "none", "unverifiable"), (games[id].RugTick, games[id].Prices, games[id].Source, games[id].Fairness));
        }

        var bets = ProjectionHarness.Query(folder.Path, "SELECT game_id, player_id, won, payout, profit FROM sidebets", r =>
            (Key: r.GetString(0) + "|" + r.GetString(1), Won: r.NullableLong(2), Payout: r.NullableDouble(3), Profit: r.NullableDouble(4)))
            .ToDictionary(b => b.Key);
        Assert.Equal(8, bets.Count);
        foreach (var id in new[] { EmptyWithSeed, AbsentWithSeed })
        {
            var rugTick = FairGame.Generate(Seed, id).RugTick;
            Assert.Equal(rugTick <= 40 ? 1L : 0L, bets[id + "|p-early"].Won);
            Assert.Equal(rugTick <= 340 ? 1L : 0L, bets[id + "|p-late"].Won);
        }
        foreach (var id in new[] { EmptyNoSeed, AbsentNoSeed })
        {
            Assert.All(new[] { bets[id + "|p-early"], bets[id + "|p-late"] }, bet => Assert.Equal((null, null, null), (bet.Won, bet.Payout, bet.Profit)));
        }

        var complete = ExportedRows.Read(folder.Path, "complete_game", CompleteGameExport.Columns, 0);
        complete.AssertEqualToViews(folder.Path, """
            SELECT game_id, ended_at, game_version, peak_multiplier, rug_tick, prices, prices_source, server_seed, server_seed_hash, fairness,
                fairness_reason, sidebet_count, ticks_observed, completeness, live_mismatches, first_seq, meta_ts FROM complete_games
            """, CompleteGameExport.Columns, 0);
        Assert.Equal(JsonValueKind.Null, complete.ByKey[EmptyNoSeed][4].ValueKind);
        Assert.Equal(FairGame.Generate(Seed, EmptyWithSeed).RugTick.ToString(CultureInfo.InvariantCulture), complete.ByKey[EmptyWithSeed][4].GetString());
        var sidebets = ExportedRows.Read(folder.Path, "sidebet", SidebetExport.Columns, 0, 1, 4);
        sidebets.AssertEqualToViews(folder.Path, "SELECT game_id, player_id, username, bet_amount, start_tick, end_tick, x_payout, won, payout, profit FROM sidebets", SidebetExport.Columns, 0, 1, 4);
        Assert.Equal(JsonValueKind.Null, sidebets.ByKey[EmptyNoSeed + "|p-early|0"][7].ValueKind);
    }
}
