using System.Diagnostics;
using Vectra.Journal.Blocks;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Bench;

/// <summary>
/// How long the sealer took, after a burst, to bring the unsealed tail back within its bound: during a full-speed burst
/// sealing gives way to the backlog (<see cref="SealPolicy.BacklogSealInterval"/>), so what it left is sealed after.
/// </summary>
internal static class SealingCatchUp
{
    /// <summary>Waits until the unsealed tail holds at most the policy's records (or <paramref name="limit"/> passes); the time it took and the records sealed meanwhile.</summary>
    public static async Task<(TimeSpan Took, long RecordsSealed, bool CaughtUp)> WaitAsync(JournalWriter writer, SealPolicy policy, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        var sealedAtStart = writer.Sealed.Records;
        while (writer.Tail - writer.Sealed.Records > policy.MaxTailRecords && Stopwatch.GetElapsedTime(started) < limit && writer.SealingProblem is null)
        {
            await Task.Delay(50);
        }
        var caughtUp = writer.Tail - writer.Sealed.Records <= policy.MaxTailRecords;
        return (Stopwatch.GetElapsedTime(started), writer.Sealed.Records - sealedAtStart, caughtUp);
    }
}
