using System.Globalization;
using Vectra.Projections.Exports.Player;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Player;

/// <summary><c>player_trades.csv</c> of a <c>simulate --player</c> session: per game, the buys and the realised PnL the simulator's account booked.</summary>
public sealed class PlayerTradesCsvTests
{
    [Fact]
    public async Task Realised_pnl_per_game_equals_the_change_of_the_accounts_cumulative_pnl()
    {
        var options = SimulatedPlayer.Options(30, 17);
        var truth = SimulatedPlayer.Truth(options);
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAndProjectAsync(folder.Path, SimulatedPlayer.Records(options));
        var output = Path.Combine(folder.Path, "csv");
        var written = PlayerTradesCsv.Write(folder.Path, output);

        var lines = File.ReadAllLines(Path.Combine(output, "player_trades.csv"));
        Assert.Equal(string.Join(",", PlayerTradesCsv.Columns), lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[2]);
        Assert.Equal(written, rows.Count);

        // The account's PnL before each game is the last state of an earlier game (or the opening state).
        var expected = new Dictionary<string, double>();
        var before = truth.States[0].CumulativePnl;
        foreach (var game in truth.States.Skip(1).GroupBy(s => s.GameId!))
        {
            expected[game.Key] = game.Last().CumulativePnl - before;
            before = game.Last().CumulativePnl;
        }
        var traded = truth.Actions.Where(a => a.TradeId is not null).Select(a => a.GameId).ToHashSet();
        Assert.Equal(traded.Order(), rows.Keys.Order());
        Assert.True(rows.Count >= 5, $"only {rows.Count} games with trades");
        foreach (var (gameId, fields) in rows)
        {
            Assert.Equal(SimulatedPlayer.Id, fields[1]);
            Assert.Equal(truth.Actions.Count(a => a.GameId == gameId && a.Action == "buyOrder" && a.Accepted), int.Parse(fields[4], CultureInfo.InvariantCulture));
            Assert.Equal("0", fields[8]);
            var realised = double.Parse(fields[9], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(expected[gameId] - realised) < 1e-7, $"{gameId}: csv {realised}, account {expected[gameId]}");
        }
    }
}
