using Xunit.Abstractions;

namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>
/// <c>none</c> (<c>synchronous=OFF</c>) acknowledges before any fsync: the same harness must catch it.
/// It starts from a journal whose WAL is already durable, so the losses come from unsynced WAL frames;
/// from an empty folder it loses even more, since the WAL's name is never fsynced either. A cut may
/// also leave a journal SQLite calls malformed (checkpointed pages without their WAL); the run then
/// ends early, and that damage is reported beside the losses. Half the cuts suffice: nearly every one loses.
/// </summary>
public class WithoutFsyncPowerLossTests(ITestOutputHelper output) : PowerLossTests(output)
{
    [Fact]
    public async Task The_same_power_cuts_lose_records_acknowledged_without_fsync()
    {
        var outcome = await CutPowerAsync("none", writers: 1, crashPoints: CrashPoints / 2, startFromDurableJournal: true);

        Assert.True(outcome.Lost > 0, $"synchronous=OFF acknowledges before any fsync, yet no cut lost an acknowledged record: the harness cannot fail. {outcome}");
        Assert.True(outcome.LossesFromCleanJournals > 0, $"every loss came with a damaged journal; the acks were never the only witness. {outcome}");
    }
}
