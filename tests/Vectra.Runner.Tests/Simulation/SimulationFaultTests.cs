using System.Text;
using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.Simulation;

public class SimulationFaultTests
{
    private const int Games = 12;

    private static List<JournalRecord> Run(string? faults) => SimulatedFeed.Records(SimulatedFeed.Options(Games, seed: 21, faults));

    private static List<(string GameId, int Tick)> ActiveTicks(IEnumerable<JournalRecord> records) =>
        [.. SimulatedFeed.GameStates(records)
            .Where(s => s.TryGetProperty("active", out var a) && a.GetBoolean() && !s.GetProperty("rugged").GetBoolean() && !s.TryGetProperty("gameHistory", out _))
            .Select(s => (s.GetProperty("gameId").GetString()!, s.GetProperty("tickCount").GetInt32()))];

    private static int ExtendedCount(IEnumerable<JournalRecord> records) =>
        SimulatedFeed.GameStates(records).Count(s => s.TryGetProperty("gameHistory", out _));

    [Fact]
    public void Fault_list_parses_every_option_and_rejects_unknown_ones()
    {
        var faults = SimulationOptions.ParseFaults("dup-extended, out-of-order,missing-rug-emission,gap:3,mid-game,torn");

        Assert.Equal(new SimulationFaults(true, true, true, 3, true, true), faults);
        Assert.Equal(SimulationFaults.None, SimulationOptions.ParseFaults(""));
        Assert.Throws<FormatException>(() => SimulationOptions.ParseFaults("gap:0"));
        Assert.Throws<FormatException>(() => SimulationOptions.ParseFaults("meteor"));
    }

    [Fact]
    public void Without_faults_active_ticks_are_contiguous_and_in_order()
    {
        foreach (var game in ActiveTicks(Run(null)).GroupBy(t => t.GameId))
        {
            var ticks = game.Select(t => t.Tick).ToArray();
            Assert.Equal(Enumerable.Range(0, ticks.Length), ticks);
        }
    }

    [Fact]
    public void Dup_extended_receives_every_extended_emission_twice()
    {
        var clean = Run(null);
        var faulty = Run("dup-extended");

        Assert.Equal(2 * ExtendedCount(clean), ExtendedCount(faulty));
        var extended = faulty.Where(r => r.Event == "gameStateUpdate" && SimulatedFeed.Payload(r).TryGetProperty("gameHistory", out _))
            .GroupBy(r => Convert.ToBase64String(r.Args));
        Assert.All(extended, copies => Assert.Equal(2, copies.Count()));
    }

    [Fact]
    public void Out_of_order_swaps_one_pair_of_consecutive_ticks_per_game()
    {
        var truth = FeedSimulator.Truth(SimulatedFeed.Options(Games, seed: 21)).Where(g => g.Live).ToDictionary(g => g.Id);
        foreach (var game in ActiveTicks(Run("out-of-order")).GroupBy(t => t.GameId))
        {
            var ticks = game.Select(t => t.Tick).ToArray();
            Assert.Equal(Enumerable.Range(0, ticks.Length), ticks.Order());
            var regressions = ticks.Zip(ticks.Skip(1)).Count(p => p.Second < p.First);
            Assert.Equal(truth[game.Key].RugTick >= 3 ? 1 : 0, regressions);
        }
    }

    [Fact]
    public void Gap_k_drops_k_consecutive_active_ticks_per_long_enough_game()
    {
        var truth = FeedSimulator.Truth(SimulatedFeed.Options(Games, seed: 21)).Where(g => g.Live).ToDictionary(g => g.Id);
        foreach (var game in ActiveTicks(Run("gap:3")).GroupBy(t => t.GameId))
        {
            var ticks = game.Select(t => t.Tick).ToArray();
            var rugTick = truth[game.Key].RugTick;
            if (rugTick >= 5)
            {
                Assert.Equal(rugTick - 3, ticks.Length);
                Assert.Single(ticks.Zip(ticks.Skip(1)), p => p.Second - p.First == 4);
            }
            else
            {
                Assert.Equal(rugTick, ticks.Length);
            }
        }
    }

    [Fact]
    public void Missing_rug_emission_drops_the_cooldown_start_of_every_third_game_but_the_seed_surfaces_at_the_next_rug()
    {
        var records = Run("missing-rug-emission");
        var played = FeedSimulator.Truth(SimulatedFeed.Options(Games, seed: 21)).Where(g => g.Live).ToList();
        var cooldownStarts = SimulatedFeed.GameStates(records)
            .Where(s => s.TryGetProperty("gameHistory", out _) && s.GetProperty("cooldownTimer").GetInt32() == 15000)
            .Select(s => s.GetProperty("gameHistory")[0].GetProperty("id").GetString())
            .ToHashSet(StringComparer.Ordinal);
        var revealed = SimulatedFeed.GameStates(records)
            .Where(s => s.TryGetProperty("gameHistory", out _))
            .SelectMany(s => s.GetProperty("gameHistory").EnumerateArray().Select(e => e.GetProperty("id").GetString()))
            .ToHashSet(StringComparer.Ordinal);

        for (var i = 0; i < played.Count; i++)
        {
            Assert.Equal(i % 3 != 0, cooldownStarts.Contains(played[i].Id));
        }
        Assert.All(played.SkipLast(1), g => Assert.Contains(g.Id, revealed));
    }

    [Fact]
    public void Mid_game_starts_with_a_snapshot_whose_root_prices_are_the_game_so_far()
    {
        var records = Run("mid-game");
        var first = SimulatedFeed.Payload(records[0]);
        var game = FeedSimulator.Truth(SimulatedFeed.Options(Games, seed: 21)).First(g => g.Live);

        Assert.Equal("gameStateUpdate", records[0].Event);
        Assert.True(first.TryGetProperty("gameHistory", out _));
        Assert.False(first.TryGetProperty("partialPrices", out _));
        Assert.Equal(game.Id, first.GetProperty("gameId").GetString());
        var tick = first.GetProperty("tickCount").GetInt32();
        var prices = first.GetProperty("prices").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        Assert.Equal(game.Prices.Take(tick + 1), prices);
        Assert.DoesNotContain(ActiveTicks(records), t => t.GameId == game.Id && t.Tick <= tick);
    }

    [Fact]
    public void Torn_interleaves_unparsable_lines_while_every_record_line_stays_intact()
    {
        var options = SimulatedFeed.Options(Games, seed: 21, "torn");
        using var output = new MemoryStream();
        var summary = FeedSimulator.Write(options, output);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var clean = Encoding.UTF8.GetString(SimulatedFeed.Bytes(SimulatedFeed.Options(Games, seed: 21))).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var parsable = lines.Where(Parses).ToArray();
        Assert.True(summary.TornLines > 0);
        Assert.Equal(lines.Length - summary.TornLines, parsable.Length);
        Assert.Equal(clean, parsable);
    }

    private static bool Parses(string line)
    {
        try
        {
            using var _ = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
