using Vectra.Runner.Capture;

namespace Vectra.Runner.Tests.Capture;

public class ReconnectBackoffTests
{
    private static readonly DateTimeOffset Lost = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.0, 500)]
    [InlineData(1.0, 1000)]
    public void Every_retry_within_the_fast_window_waits_between_half_a_second_and_a_second(double draw, int expectedMs)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), () => draw);
        backoff.Reset(Lost);

        var delays = Enumerable.Range(0, 15).Select(i => backoff.Next(Lost.AddSeconds(i))).ToList();

        Assert.All(delays, delay => Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 3));
        Assert.Equal(15, backoff.Attempt);
    }

    [Fact]
    public void After_the_fast_window_delays_double_up_to_the_cap_and_a_reset_makes_them_fast_again()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), () => 1.0);
        backoff.Reset(Lost);
        var late = Lost.AddSeconds(25);

        var ceilings = Enumerable.Range(0, 7).Select(_ => backoff.Next(late).TotalSeconds).ToList();

        Assert.Equal([2, 4, 8, 16, 30, 30, 30], ceilings);
        backoff.Reset(late);
        Assert.Equal(1, backoff.Next(late).TotalSeconds);
        Assert.Equal(1, backoff.Attempt);
    }
}
