using System.CommandLine;
using Vectra.Runner.Commands;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.Commands;

public class SimulateAndFairCommandTests
{
    private static int Invoke(Command command, params string[] args) => new RootCommand { command }.Parse(args).Invoke();

    [Fact]
    public void Simulate_writes_the_same_bytes_as_the_library_and_the_truth_file()
    {
        var folder = Directory.CreateTempSubdirectory("vectra-sim-");
        var output = Path.Combine(folder.FullName, "feed.jsonl");
        var truth = Path.Combine(folder.FullName, "truth.json");

        var exit = Invoke(SimulateCommand.Create(), "simulate", "--games", "3", "--seed", "5", "--out", output, "--truth", truth);

        Assert.Equal(0, exit);
        using var expected = new MemoryStream();
        FeedSimulator.Write(SimulationOptions.Of(3, 5), expected);
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(output));
        var games = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(truth)).RootElement.GetProperty("games");
        Assert.Equal(13, games.GetArrayLength());
        folder.Delete(recursive: true);
    }

    [Fact]
    public void Fair_exits_0_for_a_matching_hash_and_1_for_a_wrong_one()
    {
        const string seed = "3ebcc4cd5daa7e41cb996efb2c4b73f0235b8e385617c142f17eee9b685d9a7d";
        var hash = Vectra.Projections.Rugs.Fairness.SeedHash.Compute(seed);

        Assert.Equal(0, Invoke(FairCommand.Create(), "fair", "20251215-1a211bfc7caf41d6", seed, "--hash", hash, "--version", "v3", "--json"));
        Assert.Equal(1, Invoke(FairCommand.Create(), "fair", "20251215-1a211bfc7caf41d6", seed, "--hash", new string('0', 64)));
    }
}
