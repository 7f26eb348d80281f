using Vectra.Projections.Rugs.Fairness;

namespace Vectra.Runner.Simulation;

/// <summary>
/// Plans games one after another on the virtual clock from the plan generator alone, so the ground truth is the same
/// whether or not frames are written. Prices come from the provably-fair engine with a per-game seed.
/// </summary>
internal sealed class GamePlanner(SimRandom random, PlayerPool players, VirtualClock clock)
{
    private const long Millisecond = 1000;
    private const int CooldownSteps = 150;
    private const int PresaleFirstStep = 50;
    private const int SidebetWindow = 40;
    private const double SidebetMultiplier = 5;

    public GamePlan Next(bool live)
    {
        var cooldownStart = clock.Now;
        var id = $"{clock.DateStamp}-{random.Hex(16)}";
        var seed = random.Hex(64);
        var outcome = FairGame.Generate(seed, id);
        var rugTick = outcome.RugTick;
        var remainder = outcome.Prices[^1] * 0.02 * random.Between(0.1, 1.0);
        double[] prices = [.. outcome.Prices, remainder];

        var tickTimes = new long[rugTick];
        var at = cooldownStart + (CooldownSteps * 100 * Millisecond) + Micros(random.Between(80, 150));
        for (var tick = 0; tick < rugTick; tick++)
        {
            tickTimes[tick] = at;
            at += Micros(random.Between(200, 300));
        }
        var rugTime = at;

        var trades = PlanTrades(cooldownStart, tickTimes, rugTime, prices);
        var sidebets = PlanSidebets(cooldownStart, tickTimes, rugTick);
        var truth = new GameTruth(
            id, seed, SeedHash.Compute(seed), GameVersion.V3.ToText(), rugTick, outcome.Peak, prices, rugTime / Millisecond, live,
            [.. trades.Select(t => t.Trade)], [.. sidebets.Select(s => s.Bet)]);
        var nextCooldown = rugTime + Micros(random.Between(1000, 5000));
        clock.Advance(nextCooldown - clock.Now);
        return new GamePlan(truth, cooldownStart, tickTimes, rugTime, trades, sidebets, nextCooldown);
    }

    private static long Micros(double millis) => (long)Math.Round(millis * Millisecond);

    private List<TimedTrade> PlanTrades(long cooldownStart, long[] tickTimes, long rugTime, double[] prices)
    {
        var trades = new List<TimedTrade>();
        var holdings = new Dictionary<string, (SimulatedPlayer Player, double Qty)>(StringComparer.Ordinal);
        var presaleBuys = random.Inclusive(0, 4);
        for (var i = 0; i < presaleBuys; i++)
        {
            var step = random.Inclusive(PresaleFirstStep, CooldownSteps - 1);
            var ts = cooldownStart + (step * 100 * Millisecond) + Micros(random.Between(5, 90));
            trades.Add(new TimedTrade(ts, Buy(random, players.Pick(random), 0, 1.0, holdings)));
        }
        trades.Sort((a, b) => a.Ts.CompareTo(b.Ts));
        for (var tick = 1; tick < tickTimes.Length; tick++)
        {
            if (!random.Chance(0.2))
            {
                continue;
            }
            var ts = tickTimes[tick] + Micros(random.Between(20, 180));
            var player = players.Pick(random);
            var price = prices[tick];
            TradeTruth trade;
            if (holdings.TryGetValue(player.Id, out var held) && held.Qty > 0 && random.Chance(0.6))
            {
                trade = Sell(random, player, tick, price, held.Qty, forced: false);
                holdings.Remove(player.Id);
            }
            else if (random.Chance(0.1))
            {
                var type = random.Chance(0.5) ? "short_open" : "short_close";
                trade = new TradeTruth(random.NextGuid().ToString("D"), type, Sol(random.Between(0.001, 0.2)), price, 0, tick, player.Id, player.Username, player.Level, null, false);
            }
            else
            {
                trade = Buy(random, player, tick, price, holdings);
            }
            trades.Add(new TimedTrade(ts, trade));
        }
        var rugTick = tickTimes.Length;
        var forcedAt = rugTime + Micros(random.Between(5, 60));
        foreach (var (player, qty) in holdings.Values.OrderBy(h => h.Player.Id, StringComparer.Ordinal))
        {
            trades.Add(new TimedTrade(forcedAt, Sell(random, player, rugTick, prices[rugTick], qty, forced: true)));
            forcedAt += Micros(random.Between(1, 5));
        }
        return trades;
    }

    private static TradeTruth Buy(SimRandom random, SimulatedPlayer player, int tick, double price, Dictionary<string, (SimulatedPlayer Player, double Qty)> holdings)
    {
        var amount = Sol(random.Between(0.001, 0.5));
        var qty = Sol(amount / price);
        var leverage = random.Chance(0.85) ? 1 : random.Inclusive(2, 5);
        holdings[player.Id] = (player, (holdings.TryGetValue(player.Id, out var held) ? held.Qty : 0) + qty);
        return new TradeTruth(random.NextGuid().ToString("D"), "buy", amount, price, qty, tick, player.Id, player.Username, player.Level, leverage, false);
    }

    private static TradeTruth Sell(SimRandom random, SimulatedPlayer player, int tick, double price, double qty, bool forced) =>
        new(random.NextGuid().ToString("D"), "sell", Sol(qty * price), price, qty, tick, player.Id, player.Username, player.Level, null, forced);

    private List<TimedSidebet> PlanSidebets(long cooldownStart, long[] tickTimes, int rugTick)
    {
        var bets = new List<TimedSidebet>();
        if (random.Chance(0.3))
        {
            var placed = (cooldownStart / Millisecond) + random.Inclusive(5_000, 14_000);
            bets.Add(new TimedSidebet(placed, Bet(players.Pick(random), 0, rugTick)));
        }
        for (var tick = 1; tick < tickTimes.Length; tick++)
        {
            if (random.Chance(0.03))
            {
                bets.Add(new TimedSidebet((tickTimes[tick] / Millisecond) + random.Inclusive(10, 150), Bet(players.Pick(random), tick, rugTick)));
            }
        }
        return bets;
    }

    private SidebetTruth Bet(SimulatedPlayer player, int startTick, int rugTick)
    {
        var bet = Sol(random.Between(0.001, 0.05));
        var endTick = startTick + SidebetWindow;
        var won = rugTick <= endTick;
        return new SidebetTruth(player.Id, player.Username, bet, startTick, endTick, won, won ? Sol(bet * SidebetMultiplier) : 0);
    }

    private static double Sol(double value) => Math.Round(value, 9);
}
