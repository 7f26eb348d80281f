using Vectra.Projections.Rugs.Fairness;

namespace Vectra.Projections.Tests.Fairness;

public class SeededRandomTests
{
    [Fact]
    public void Matches_the_documented_first_draw_of_seedrandom_for_hello()
    {
        var random = new SeededRandom("hello.");

        Assert.Equal(0.9282578795792454, random.NextDouble());
    }

    [Fact]
    public void Same_key_gives_the_same_sequence_and_another_key_does_not()
    {
        var first = new SeededRandom("seed-20250101-0000000000000000");
        var second = new SeededRandom("seed-20250101-0000000000000000");
        var other = new SeededRandom("seed-20250101-0000000000000001");

        var a = Enumerable.Range(0, 100).Select(_ => first.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 100).Select(_ => second.NextDouble()).ToArray();
        var c = Enumerable.Range(0, 100).Select(_ => other.NextDouble()).ToArray();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, value => Assert.InRange(value, 0.0, Math.BitDecrement(1.0)));
    }
}
