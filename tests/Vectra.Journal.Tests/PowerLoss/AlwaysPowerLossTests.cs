using Xunit.Abstractions;

namespace Vectra.Journal.Tests.PowerLoss;

/// <summary><c>always</c>: one fsynced commit per append.</summary>
public class AlwaysPowerLossTests(ITestOutputHelper output) : PowerLossTests(output)
{
    [Fact]
    public async Task Every_record_acknowledged_under_always_survives_power_cuts_at_random_moments() =>
        AssertNothingAcknowledgedLost(await CutPowerAsync("always", writers: 1));
}
