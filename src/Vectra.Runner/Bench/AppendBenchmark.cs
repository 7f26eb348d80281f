using System.Diagnostics;
using System.Text;
using Vectra.Journal;
using Vectra.Journal.Blocks;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Bench;

/// <summary>
/// Measures journal appends under a durability policy, and in the same run the raw limits of the same disk with the
/// same record size, each as close to what the journal does as a bare loop can be: write+fdatasync on a preallocated
/// file (<see cref="RawSyncLoop"/>), and SQLite inserts through the journal's own opener, schema and prepared statement
/// (<see cref="BareInsertLoop"/>) with one row per transaction, 1,000 rows per transaction, and as many rows per
/// transaction as the journal's commits carried in this run. The gap between the journal and them is what Vectra costs.
/// </summary>
internal sealed class AppendBenchmark(string folder, int events, int payloadBytes, Durability durability, int writers, int inflight, SealPolicy sealing)
{
    /// <summary>Rows per transaction in the bare batched SQLite loop.</summary>
    public const int BareBatchRows = 1000;

    /// <summary>The loops that sync per operation or per small transaction run at most this many syncs, so a run stays short.</summary>
    public const int SyncLoopCap = 10_000;

    /// <summary>
    /// At most this many untimed appends go into a journal of their own before the timed run. Without them the journal,
    /// measured first, ran for seconds on code the runtime had not optimized yet (and paid for the optimizing on the
    /// same two cores), while the bare loops after it met that shared code (statements, SQLite) already compiled.
    /// </summary>
    public const int WarmUpEvents = 100_000;

    // The runtime compiles optimized code for hot methods on a background thread once it has met no new methods for
    // about 100 ms; the pause lets that finish before the clock starts. (With 50,000 appends and half a second, perf
    // still found the writer's insert and checksum running unoptimized in the timed run.)
    private static readonly TimeSpan WarmUpSettle = TimeSpan.FromMilliseconds(1000);

    public byte[] Args { get; } = MakeArgs(payloadBytes);

    public async Task<AppendBenchResults> RunAsync(Action<string> log)
    {
        var warmUp = Math.Min(events, WarmUpEvents);
        log($"journal warm-up, untimed ({warmUp:N0} events into a journal of their own)…");
        await JournalAppends("warm-up", warmUp);
        Directory.Delete(Path.Combine(folder, "warm-up"), recursive: true);
        await Task.Delay(WarmUpSettle);
        log($"journal append ({durability.Name}, {writers} writers × {inflight} in flight, {events:N0} events)…");
        var (journal, commits, closing) = await JournalAppends("journal", events);
        log($"journal closed {closing.TotalMilliseconds:F0} ms after its last acknowledgement");
        var perCommit = (double)events / Math.Max(1, commits);
        var syncOps = Math.Min(events, SyncLoopCap);
        log($"raw write+fdatasync loop on a preallocated file ({syncOps:N0} writes)…");
        var raw = RawSyncLoop.Run(Path.Combine(folder, "raw.bin"), syncOps, RecordSize);
        log($"raw write+fsync loop on a preallocated file ({syncOps:N0} writes; the sync call SQLite makes for its log)…");
        var rawFull = RawSyncLoop.Run(Path.Combine(folder, "raw-fsync.bin"), syncOps, RecordSize, fullSync: true);
        log($"bare SQLite, one transaction per row ({syncOps:N0} rows)…");
        var oneRow = Bare(syncOps, 1, "sqlite insert, 1 row/txn");
        log($"bare SQLite, {BareBatchRows} rows per transaction ({events:N0} rows)…");
        var batched = Bare(events, BareBatchRows, $"sqlite insert, {BareBatchRows} rows/txn");
        var likeJournal = (int)Math.Max(1, Math.Round(perCommit));
        var likeRows = (int)Math.Min(events, (long)SyncLoopCap * likeJournal);
        log($"bare SQLite, {likeJournal} rows per transaction as the journal's commits carried ({likeRows:N0} rows)…");
        var like = Bare(likeRows, likeJournal, $"sqlite insert, {likeJournal} rows/txn (journal's mean)");
        return new AppendBenchResults(journal, perCommit, warmUp, raw, rawFull, oneRow, batched, like);
    }

    private BenchResult Bare(int rows, int rowsPerTransaction, string name) =>
        BareInsertLoop.Run(Path.Combine(folder, $"bare-{rowsPerTransaction}-{Guid.NewGuid():N}.db"), Args, rows, rowsPerTransaction, name);

    private async Task<(BenchResult Result, long Commits, TimeSpan Closing)> JournalAppends(string name, int count)
    {
        var directory = Path.Combine(folder, name);
        var latencies = new LatencyRecorder(count);
        var session = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        long commits;
        TimeSpan acknowledged;
        using (var writer = JournalWriter.Open(directory, durability, sealing))
        {
            var next = -1;
            var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                // Each writer keeps up to `inflight` appends outstanding (as a capture's socket handlers do,
                // never waiting on the disk); every append still counts only once its commit is durable.
                var pending = new Queue<Task>(inflight);
                while (Interlocked.Increment(ref next) < count)
                {
                    if (pending.Count == inflight)
                    {
                        await pending.Dequeue();
                    }
                    var started = Stopwatch.GetTimestamp();
                    pending.Enqueue(writer.AppendAsync(new NewRecord("bench", Args, started, session, 1, "bench"))
                        .ContinueWith(append =>
                        {
                            // A failed append must fail the bench, not count as a fast one.
                            append.GetAwaiter().GetResult();
                            latencies.Add(started);
                        }, TaskContinuationOptions.ExecuteSynchronously));
                }
                await Task.WhenAll(pending);
            })).ToArray();
            await Task.WhenAll(tasks);
            acknowledged = clock.Elapsed;
            commits = writer.Commits;
        }
        // Under `always` and `batch` every acknowledged record is durable, so the clock stops at the last acknowledgement,
        // as the bare loops' stops at their last COMMIT (neither times closing the file and its checkpoint). Under `none`
        // only closing makes the records durable: its time counts.
        var seconds = (durability.SyncsEachCommit ? acknowledged : clock.Elapsed).TotalSeconds;
        var sealer = sealing.Enabled ? "" : ", no sealer";
        var result = BenchResult.From($"vectra journal, {durability.Name}, {writers}×{inflight} in flight{sealer}", count, seconds, latencies);
        return (result, commits, clock.Elapsed - acknowledged);
    }

    /// <summary>The bytes one journal record's payload occupies, used for the raw file loop.</summary>
    private int RecordSize => Args.Length + 64;

    private static byte[] MakeArgs(int bytes)
    {
        const string prefix = "[\"bench\",\"", suffix = "\"]";
        var padding = Math.Max(0, bytes - prefix.Length - suffix.Length);
        return Encoding.UTF8.GetBytes(prefix + new string('x', padding) + suffix);
    }
}
