using System.Globalization;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Exports;

/// <summary><c>vectra export csv</c> through the binary, checked against the simulator's ground truth.</summary>
public class ExportCsvTests
{
    [Fact]
    public async Task Csv_files_have_the_original_columns_and_the_real_win_rule()
    {
        using var folder = new TempFolder();
        var options = SimulationOptions.Of(30, 9);
        using (var writer = JournalWriter.Open(folder.Path, Durability.None))
        {
            await writer.AppendExactAsync([.. FeedSimulator.Records(options)]);
        }
        var truth = FeedSimulator.Truth(options).ToDictionary(g => g.Id);
        Assert.True((await VectraProcess.RunAsync("project", "--data", folder.Path)).ExitCode == 0);
        var output = folder.File("csv");
        var export = await VectraProcess.RunAsync("export", "csv", "--data", folder.Path, "--out", output);
        Assert.True(export.ExitCode == 0, export.ToString());

        var games = Csv(Path.Combine(output, "games_summary.csv"));
        Assert.Equal("game_id,timestamp,game_version,rugged,peak_multiplier,sidebet_count,tick_count,server_seed_hash,capture_time,session_id", games[0]);
        var gameRows = games.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(truth.Keys.Order(), gameRows.Select(r => r[0]).Order());
        foreach (var row in gameRows)
        {
            var game = truth[row[0]];
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(game.EndedAtMillis), DateTimeOffset.Parse(row[1], CultureInfo.InvariantCulture));
            Assert.Equal((game.Version, "true", game.Peak, game.Prices.Count, game.ServerSeedHash, FeedSimulator.SessionOf(9).ToString()),
                (row[2], row[3], double.Parse(row[4], CultureInfo.InvariantCulture), int.Parse(row[6], CultureInfo.InvariantCulture), row[7], row[9]));
        }

        var bets = Csv(Path.Combine(output, "sidebets_detailed.csv"));
        Assert.Equal("game_id,game_timestamp,game_peak_multiplier,game_tick_count,game_rugged,player_id,username,bet_amount_sol,target_multiplier,entry_tick,exit_tick,duration_ticks,won,payout_sol,profit_sol", bets[0]);
        var expected = truth.Values.SelectMany(g => g.Sidebets.Select(b => (Game: g, Bet: b))).ToDictionary(x => $"{x.Game.Id}|{x.Bet.PlayerId}|{x.Bet.StartTick}");
        var betRows = bets.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(expected.Count, betRows.Count);
        Assert.Contains(betRows, r => r[12] == "true");
        Assert.Contains(betRows, r => r[12] == "false");
        foreach (var row in betRows)
        {
            var (game, bet) = expected[$"{row[0]}|{row[5]}|{row[9]}"];
            var won = game.RugTick <= bet.StartTick + 40;
            Assert.Equal(bet.Won, won);
            Assert.Equal((bet.Username ?? "", bet.Bet, bet.StartTick + 40, 40, won ? "true" : "false", bet.Payout, Math.Round(bet.Payout - bet.Bet, 9)),
                (row[6], double.Parse(row[7], CultureInfo.InvariantCulture), int.Parse(row[10], CultureInfo.InvariantCulture), int.Parse(row[11], CultureInfo.InvariantCulture),
                    row[12], double.Parse(row[13], CultureInfo.InvariantCulture), Math.Round(double.Parse(row[14], CultureInfo.InvariantCulture), 9)));
        }
    }

    [Fact]
    public async Task Without_views_db_it_exits_2_with_advice()
    {
        using var folder = new TempFolder();
        var result = await VectraProcess.RunAsync("export", "csv", "--data", folder.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("vectra project", result.Stderr);
    }

    private static List<string> Csv(string path) => [.. File.ReadAllText(path).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
}
