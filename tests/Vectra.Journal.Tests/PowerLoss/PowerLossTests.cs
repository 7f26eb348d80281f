using Vectra.Journal.Reading;
using Vectra.Journal.Verification;
using Xunit.Abstractions;

namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>
/// Durability under power loss, not just SIGKILL: an append is acknowledged only after the fsync that
/// makes it durable. Each policy is its own test class, so xunit runs the policies in parallel.
/// </summary>
/// <remarks>
/// <para>
/// SIGKILL keeps the page cache, so the kill tests would pass even if the journal never fsynced. Here
/// each crash child (<c>Vectra.Journal.CrashChild</c>, which prints <c>ack SEQ INDEX</c> after each
/// acknowledged append) runs with <c>file_operation_recorder.c</c> preloaded; the test compiles that
/// shim with the machine's <c>cc</c> (a missing compiler fails the test, it never skips). The shim logs,
/// in the order they happened, every write (with its bytes), truncation, creation and unlink of the
/// files in the data folder, every successful fsync/fdatasync of a file or of the folder, and every
/// line the child prints. The bundled SQLite calls <c>open64</c>, <c>pwrite64</c>, <c>ftruncate64</c>,
/// <c>fsync</c> (never fdatasync) and <c>unlink</c>, and fsyncs the folder after creating its WAL and
/// rollback journal; .NET writes <c>journal.owner</c> with <c>pwrite64</c> and never syncs it.
/// </para>
/// <para>
/// The child is SIGKILLed at a random moment (0–100 acks in). <see cref="PowerCut"/> replays the log
/// over the files it started with and first checks the replay reproduces every byte left on disk and
/// every ack the test read (so the shim saw everything). The power then fails at a point of the log:
/// the kill, any earlier point, or, most often when there were any, amid writes to journal.db (its
/// creation or a checkpoint, where a kill almost never lands). What the disk keeps: each file as of its
/// last fsync before that point, a name created or removed only if the folder was fsynced after, and
/// each file's later writes dropped, kept as a prefix torn at a random byte, or kept in a random subset
/// (reordered). Those files replace the folder's, the wal-index included (SQLite rebuilds it); then
/// <c>verify</c>'s checks (<see cref="JournalVerifier"/>) must be clean, every record acknowledged
/// before the cut (in any round) must be read back by <see cref="JournalReader"/> with its exact bytes,
/// and the next child must reopen at the tail the reader saw. The next crash point continues from there.
/// </para>
/// <para>
/// The harness can fail: with <c>none</c> (<c>synchronous=OFF</c>) the same cuts lose acknowledged
/// records, and <see cref="WithoutFsyncPowerLossTests"/> asserts they do.
/// </para>
/// </remarks>
public abstract class PowerLossTests(ITestOutputHelper output)
{
    /// <summary>Cuts per policy: each one a real child killed at a random moment.</summary>
    protected const int CrashPoints = 20;

    private protected async Task<PowerLossOutcome> CutPowerAsync(string durability, int writers, int crashPoints = CrashPoints, bool startFromDurableJournal = false)
    {
        var outcome = await PowerLossRun.RunAsync(durability, writers, crashPoints, seed: 20261201, startFromDurableJournal);
        output.WriteLine(outcome.ToString());
        output.WriteLine(string.Join('\n', outcome.Cuts.Concat(outcome.Losses).Concat(outcome.Damage)));
        Assert.True(outcome.UnsyncedChangesCut > 0, $"no cut dropped or tore an unsynced change, so nothing was tested: {outcome}");
        return outcome;
    }

    private protected static void AssertNothingAcknowledgedLost(PowerLossOutcome outcome)
    {
        Assert.True(outcome.CrashPoints == CrashPoints, $"{outcome}\n{string.Join('\n', outcome.Damage)}");
        Assert.True(outcome.Lost == 0, $"{outcome}\n{string.Join('\n', outcome.Losses)}");
        Assert.True(outcome.Damage.Count == 0, $"{outcome}\n{string.Join('\n', outcome.Damage)}");
    }
}
