using Xunit.Abstractions;

namespace Vectra.Journal.Tests.PowerLoss;

/// <summary><c>batch</c>: eight appenders share group commits.</summary>
public class BatchPowerLossTests(ITestOutputHelper output) : PowerLossTests(output)
{
    [Fact]
    public async Task Every_record_acknowledged_under_batch_survives_power_cuts_at_random_moments() =>
        AssertNothingAcknowledgedLost(await CutPowerAsync("batch", writers: 8));
}
