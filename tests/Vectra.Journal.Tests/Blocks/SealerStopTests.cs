using System.Collections.Concurrent;
using System.Diagnostics;
using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>
/// A sealing thread that cannot make progress (a nice-19 thread starved by a saturated machine) never holds up the
/// writer's close, which a capture must finish within its 5 s stop; the block it was building is sealed next time.
/// </summary>
public class SealerStopTests
{
    private static readonly TimeSpan CaptureStop = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_writer_closes_at_once_while_both_sealing_threads_are_stuck_before_compressing()
    {
        using var stuck = new StuckSealers();
        var warnings = await StopWhileStuckAsync(Sealing.Every(tail: 50, block: 20) with { BeforeCompressForTest = stuck.Hold }, stuck);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task The_writer_closes_at_once_while_both_sealing_threads_are_stuck_inside_their_read()
    {
        using var stuck = new StuckSealers();
        var warnings = await StopWhileStuckAsync(Sealing.Every(tail: 50, block: 20) with { WhileReadingForTest = stuck.Hold }, stuck);
        // Their old snapshots keep the close's checkpoint from emptying the log, so the log is fsynced instead and
        // the next writer copies it; the checks above read every record back through it.
        Assert.Contains("checkpoint at close was busy", Assert.Single(warnings));
    }

    /// <summary>
    /// Appends past four times the tail bound (so the idle and the urgent thread both seal), waits until both are stuck,
    /// appends more (their snapshots are now old), then closes the writer and checks it returned well within a capture's
    /// stop, with every record intact as a row, and that the next writer seals them. Returns the close's warnings.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> StopWhileStuckAsync(SealPolicy policy, StuckSealers stuck)
    {
        using var folder = new TempFolder();
        var records = Enumerable.Range(1, 400).Select(n => TestRecords.Frame(n)).ToArray();
        var problems = new ConcurrentQueue<string>();
        var warnings = new ConcurrentQueue<string>();
        var writer = JournalWriter.Open(folder.Path, Durability.Batch, policy with { OnProblem = problems.Enqueue });
        writer.Warning += warnings.Enqueue;
        var closing = Task.CompletedTask;
        var closed = false;
        var took = Stopwatch.StartNew();
        try
        {
            await writer.AppendBatchAsync(records[..300]);
            Assert.True(await stuck.BothHeldAsync(), "both sealing threads reached the stuck step");
            await writer.AppendBatchAsync(records[300..]);
            took.Restart();
            closing = Task.Run(writer.Dispose);
            closed = await Task.WhenAny(closing, Task.Delay(CaptureStop)) == closing;
            took.Stop();
        }
        finally
        {
            stuck.Release();
            await closing.WaitAsync(TimeSpan.FromSeconds(60));
        }
        Assert.True(closed, $"the writer's close waited for stuck sealing threads ({took.ElapsedMilliseconds} ms, still open after {CaptureStop.TotalSeconds} s)");
        Assert.Empty(problems);

        var report = JournalVerifier.Verify(folder.Path);
        Assert.True(report.Clean, "verify is clean after the close");
        Assert.Equal(400, report.RecordsChecked);
        using (var reader = JournalReader.Open(folder.Path))
        {
            var all = reader.ReadSeqRange(1, long.MaxValue).ToArray();
            Assert.Equal(400, all.Length);
            Assert.All(all, r => Assert.True(r.SameAs(records[r.Seq - 1].At(r.Seq)), $"record {r.Seq} differs"));
        }
        Assert.Equal(0, Sealing.FiguresOf(folder.Path).BlockRecords);

        using (JournalWriter.Open(folder.Path, Durability.Batch, Sealing.Every(tail: 50, block: 20)))
        {
            Assert.True((await Sealing.UntilSealedAsync(folder.Path, 340)).BlockRecords >= 340, "the next writer seals what the stuck threads did not");
        }
        Assert.True(JournalVerifier.Verify(folder.Path).Clean, "verify is clean after the next writer sealed");
        return warnings;
    }

    /// <summary>Holds every sealing thread that calls <see cref="Hold"/> until <see cref="Release"/>.</summary>
    private sealed class StuckSealers : IDisposable
    {
        private readonly ManualResetEventSlim _released = new();
        private readonly SemaphoreSlim _held = new(0);

        public void Hold()
        {
            _held.Release();
            _released.Wait();
        }

        /// <summary>Whether two threads are held within 60 s.</summary>
        public async Task<bool> BothHeldAsync() =>
            await _held.WaitAsync(TimeSpan.FromSeconds(60)) && await _held.WaitAsync(TimeSpan.FromSeconds(60));

        public void Release() => _released.Set();

        public void Dispose()
        {
            // Set, not disposed: a thread the writer left behind may still be waking from it.
            _released.Set();
            _held.Dispose();
        }
    }
}
