using Vectra.Projections.Rugs.Fairness;

namespace Vectra.Projections.Tests.Fairness;

public class FairnessCheckTests
{
    private const string Seed = "3ebcc4cd5daa7e41cb996efb2c4b73f0235b8e385617c142f17eee9b685d9a7d";
    private const string GameId = "20251215-1a211bfc7caf41d6";

    private static CompletedGame Published(IReadOnlyList<double>? prices = null, double? peak = 1.0, string? hash = null) =>
        new(GameId, Seed, hash ?? SeedHash.Compute(Seed), prices ?? PublishedPrices(), peak, "v3");

    private static double[] PublishedPrices() => [.. FairGame.Generate(Seed, GameId).Prices, 0.0123];

    [Fact]
    public void Seed_hash_is_lowercase_hex_sha256_of_the_ascii_seed()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SeedHash.Compute("abc"));
        Assert.True(SeedHash.Matches("abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    }

    [Fact]
    public void Matching_seed_prices_and_peak_verify()
    {
        var result = FairnessCheck.Check(Published());

        Assert.Equal(FairnessVerdict.Verified, result.Verdict);
        Assert.Equal(7, result.Outcome!.RugTick);
    }

    [Fact]
    public void A_seed_that_does_not_hash_to_the_published_hash_is_a_hash_mismatch()
    {
        var result = FairnessCheck.Check(Published(hash: SeedHash.Compute("other")));

        Assert.Equal(FairnessVerdict.HashMismatch, result.Verdict);
    }

    [Fact]
    public void One_altered_price_is_a_price_mismatch()
    {
        var prices = PublishedPrices();
        prices[3] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(prices[3]) + 1);

        var result = FairnessCheck.Check(Published(prices));

        Assert.Equal(FairnessVerdict.PriceMismatch, result.Verdict);
        Assert.Contains("tick 3", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_list_of_the_wrong_length_is_a_price_mismatch()
    {
        var result = FairnessCheck.Check(Published(PublishedPrices()[..^1]));

        Assert.Equal(FairnessVerdict.PriceMismatch, result.Verdict);
    }

    [Fact]
    public void An_empty_price_list_publishes_nothing_and_is_no_price_mismatch()
    {
        var result = FairnessCheck.Check(Published([]));

        Assert.Equal(FairnessVerdict.Verified, result.Verdict);
        Assert.Equal(7, result.Outcome!.RugTick);
    }

    [Fact]
    public void A_wrong_peak_is_a_price_mismatch()
    {
        Assert.Equal(FairnessVerdict.PriceMismatch, FairnessCheck.Check(Published(peak: 1.5)).Verdict);
    }

    [Fact]
    public void A_game_without_a_revealed_seed_is_unverifiable()
    {
        var result = FairnessCheck.Check(new CompletedGame(GameId, null, SeedHash.Compute(Seed), null, 1.0));

        Assert.Equal(FairnessVerdict.Unverifiable, result.Verdict);
        Assert.Equal("unverifiable", result.Verdict.ToText());
    }

    [Fact]
    public void An_unknown_version_is_unverifiable()
    {
        var game = Published() with { Version = "v9" };

        Assert.Equal(FairnessVerdict.Unverifiable, FairnessCheck.Check(game).Verdict);
    }
}
