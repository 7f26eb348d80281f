using Vectra.Journal.Records;

namespace Vectra.Runner.Replay;

/// <summary>
/// Hands records to a sink at their recorded pace: on the clock of <paramref name="time"/>, record k is
/// due (meta_ts(k) − meta_ts(first)) / speed after the start. Records whose time lies before an earlier
/// one's go out at once; <see cref="ReplaySpeed.Max"/> never waits.
/// </summary>
internal sealed class ReplayPacer(TimeProvider time, ReplaySpeed speed)
{
    /// <summary>Paces <paramref name="records"/> into <paramref name="sink"/>, then completes it.</summary>
    public async Task<ReplayResult> RunAsync(IEnumerable<JournalRecord> records, IReplaySink sink, CancellationToken cancellation = default)
    {
        var start = time.GetTimestamp();
        long count = 0, firstTs = 0;
        foreach (var record in records)
        {
            if (count == 0)
            {
                firstTs = record.Ts;
            }
            if (speed.IsPaced)
            {
                var due = TimeSpan.FromMicroseconds((record.Ts - firstTs) / speed.Factor);
                var wait = due - time.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellation);
                }
            }
            await sink.ApplyAsync(record, cancellation);
            count++;
        }
        await sink.CompleteAsync(cancellation);
        return new ReplayResult(count, time.GetElapsedTime(start));
    }
}
