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

    public byte[] Args { get; } = MakeArgs(payloadBytes);

    public async Task<AppendBenchResults> RunAsync(Action<string> log)
    {
        log($"journal append ({durability.Name}, {writers} writers × {inflight} in flight, {events:N0} events)…");
        var (journal, commits) = await JournalAppends();
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
        return new AppendBenchResults(journal, perCommit, raw, rawFull, oneRow, batched, like);
    }

    private BenchResult Bare(int rows, int rowsPerTransaction, string name) =>
        BareInsertLoop.Run(Path.Combine(folder, $"bare-{rowsPerTransaction}-{Guid.NewGuid():N}.db"), Args, rows, rowsPerTransaction, name);

    private async Task<(BenchResult Result, long Commits)> JournalAppends()
    {
        var directory = Path.Combine(folder, "journal");
        var latencies = new LatencyRecorder(events);
        var session = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        long commits;
        using (var writer = JournalWriter.Open(directory, durability, sealing))
        {
            var next = -1;
            var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                // Each writer keeps up to `inflight` appends outstanding (as a capture's socket handlers do,
                // never waiting on the disk); every append still counts only once its commit is durable.
                var pending = new Queue<Task>(inflight);
                while (Interlocked.Increment(ref next) < events)
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
            commits = writer.Commits;
        }
        // Disposing made `none` durable: its time counts.
        var sealer = sealing.Enabled ? "" : ", no sealer";
        var result = BenchResult.From($"vectra journal, {durability.Name}, {writers}×{inflight} in flight{sealer}", events, clock.Elapsed.TotalSeconds, latencies);
        return (result, commits);
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
