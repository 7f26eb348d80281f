using System.Text.Json;

namespace Vectra.Runner.Tests.Cli;

/// <summary><c>vectra fair</c> from the outside: the published test vectors through the real executable.</summary>
public class FairCommandTests
{
    [Fact]
    public async Task Json_output_has_the_hash_check_rug_tick_peak_and_prices_of_a_known_game()
    {
        const string seed = "bca795ea31f91aa387622f2548ea5c380774282ea78ec9772bfaa85f3ef6f051";
        var hash = Vectra.Projections.Rugs.Fairness.SeedHash.Compute(seed);
        var result = await VectraProcess.RunAsync("fair", "20251207-e8186dbf38e046d1", seed, "--hash", hash, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("20251207-e8186dbf38e046d1", json.GetProperty("gameId").GetString());
        Assert.True(json.GetProperty("hashOk").GetBoolean());
        Assert.Equal(266, json.GetProperty("rugTick").GetInt32());
        Assert.Equal(2.809169793399426, json.GetProperty("peak").GetDouble());
        var prices = json.GetProperty("prices").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        Assert.Equal(266, prices.Length);
        Assert.Equal(1.0, prices[0]);
        Assert.Equal(2.809169793399426, prices.Max());
    }

    [Fact]
    public async Task Without_a_hash_the_check_is_null_and_text_output_lists_the_prices()
    {
        var seed = "3ebcc4cd5daa7e41cb996efb2c4b73f0235b8e385617c142f17eee9b685d9a7d";
        var json = await VectraProcess.RunAsync("fair", "20251215-1a211bfc7caf41d6", seed, "--json");
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(json.Stdout).RootElement.GetProperty("hashOk").ValueKind);

        var text = await VectraProcess.RunAsync("fair", "20251215-1a211bfc7caf41d6", seed);
        Assert.Contains("rug tick  7", text.Stdout);
        Assert.Contains("0.9799510872982831", text.Stdout);
    }

    [Theory]
    [InlineData("20251215-1a211bfc7caf41d6", "not-a-seed", "64 lowercase hex")]
    [InlineData("game-1", "3ebcc4cd5daa7e41cb996efb2c4b73f0235b8e385617c142f17eee9b685d9a7d", "not a rugs.fun game id")]
    public async Task A_malformed_seed_or_game_id_exits_2_saying_what_one_looks_like(string gameId, string seed, string message)
    {
        var result = await VectraProcess.RunAsync("fair", gameId, seed);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }
}
