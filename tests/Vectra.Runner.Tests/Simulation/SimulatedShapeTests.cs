using System.Text.Json;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;
using Xunit.Abstractions;

namespace Vectra.Runner.Tests.Simulation;

public class SimulatedShapeTests(ITestOutputHelper output)
{
    [RealDataFact]
    public void Every_simulated_frame_has_a_key_set_seen_in_the_real_captures_for_its_shape()
    {
        var real = RealFrameShapes.Load();
        var compared = new Dictionary<string, int>(StringComparer.Ordinal);
        var unmatched = new HashSet<string>(StringComparer.Ordinal);

        foreach (var record in FeedSimulator.Records(SimulatedFeed.Options(60, seed: 99, faults: "mid-game")))
        {
            using var document = JsonDocument.Parse(record.Args);
            JsonElement[] args = [.. document.RootElement.EnumerateArray()];
            foreach (var (place, keys) in FrameShape.KeySets(record.Event, args))
            {
                if (!real.TryGetValue(place, out var seen))
                {
                    unmatched.Add(place);
                    continue;
                }
                Assert.True(seen.Contains(keys), $"{place}: simulated keys {keys} not among the real ones:\n{string.Join('\n', seen)}");
                compared[place] = compared.GetValueOrDefault(place) + 1;
            }
        }

        output.WriteLine(string.Join('\n', compared.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
        output.WriteLine($"no real reference: {string.Join(", ", unmatched.Order(StringComparer.Ordinal))}");
        foreach (var place in new[] { "gameStateUpdate/minimal", "gameStateUpdate/tick-zero", "gameStateUpdate/standard", "gameStateUpdate/extended", "standard/newTrade", "gameHistory[]", "globalSidebets[]", "gameStateUpdate/standard.leaderboard[]" })
        {
            Assert.True(compared.ContainsKey(place), $"no simulated frame compared at {place}");
        }
    }
}
