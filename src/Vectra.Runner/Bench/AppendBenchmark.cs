using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Vectra.Journal;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Bench;

/// <summary>
/// Measures journal appends under a durability policy, and in the same run the raw limits of the same
/// disk with the same record size: a write+fsync loop on a plain file, and bare SQLite inserts (one
/// transaction per row, and batched) into a table of the journal's shape (with its ts index) under the
/// same pragmas, so the gap between the two is what Vectra itself costs.
/// </summary>
internal sealed class AppendBenchmark(string folder, int events, int payloadBytes, Durability durability, int writers, int inflight)
{
    /// <summary>Rows per transaction in the bare batched SQLite loop.</summary>
    public const int BareBatchRows = 1000;

    /// <summary>The per-row loops (fsync per operation) run at most this many times, so a run stays short.</summary>
    public const int SyncLoopCap = 10_000;

    public byte[] Args { get; } = MakeArgs(payloadBytes);

    public async Task<IReadOnlyList<BenchResult>> RunAsync(Action<string> log)
    {
        var results = new List<BenchResult>();
        log($"journal append ({durability.Name}, {writers} writers × {inflight} in flight, {events:N0} events)…");
        results.Add(await JournalAppends());
        var syncOps = Math.Min(events, SyncLoopCap);
        log($"raw write+fsync loop ({syncOps:N0} writes)…");
        results.Add(RawFsyncLoop(syncOps));
        log($"bare SQLite, one transaction per row ({syncOps:N0} rows)…");
        results.Add(BareSqlite(syncOps, rowsPerTransaction: 1, "sqlite insert, 1 row/txn"));
        log($"bare SQLite, {BareBatchRows} rows per transaction ({events:N0} rows)…");
        results.Add(BareSqlite(events, BareBatchRows, $"sqlite insert, {BareBatchRows} rows/txn"));
        return results;
    }

    private async Task<BenchResult> JournalAppends()
    {
        var directory = Path.Combine(folder, "journal");
        var latencies = new LatencyRecorder(events);
        var session = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        using (var writer = JournalWriter.Open(directory, durability))
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
                        .ContinueWith(_ => latencies.Add(started), TaskContinuationOptions.ExecuteSynchronously));
                }
                await Task.WhenAll(pending);
            })).ToArray();
            await Task.WhenAll(tasks);
        }
        // Disposing made `none` durable: its time counts.
        return BenchResult.From($"vectra journal, {durability.Name}, {writers}×{inflight} in flight", events, clock.Elapsed.TotalSeconds, latencies);
    }

    private BenchResult RawFsyncLoop(int operations)
    {
        var latencies = new LatencyRecorder(operations);
        var record = new byte[RecordSize];
        var clock = Stopwatch.StartNew();
        using (var file = new FileStream(Path.Combine(folder, "raw.bin"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            for (var i = 0; i < operations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                file.Write(record);
                file.Flush(flushToDisk: true);
                latencies.Add(started);
            }
        }
        return BenchResult.From("raw file write+fsync", operations, clock.Elapsed.TotalSeconds, latencies);
    }

    private BenchResult BareSqlite(int rows, int rowsPerTransaction, string name)
    {
        var path = Path.Combine(folder, $"bare-{rowsPerTransaction}.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL");
        Execute(connection, "PRAGMA synchronous=FULL");
        Execute(connection, "CREATE TABLE bare (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, session TEXT NOT NULL, conn INTEGER NOT NULL, source TEXT NOT NULL, event TEXT NOT NULL, codec INTEGER NOT NULL, args BLOB NOT NULL, crc INTEGER NOT NULL)");
        Execute(connection, "CREATE INDEX bare_ts ON bare (ts)");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bare VALUES ($seq, $ts, $session, $conn, $source, $event, 0, $args, $crc)";
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var ts = insert.Parameters.Add("$ts", SqliteType.Integer);
        insert.Parameters.AddWithValue("$session", Guid.NewGuid().ToString());
        insert.Parameters.AddWithValue("$conn", 1);
        insert.Parameters.AddWithValue("$source", "bench");
        insert.Parameters.AddWithValue("$event", "bench");
        insert.Parameters.AddWithValue("$args", Args);
        insert.Parameters.AddWithValue("$crc", 0L);
        var latencies = rowsPerTransaction == 1 ? new LatencyRecorder(rows) : null;
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < rows;)
        {
            var started = Stopwatch.GetTimestamp();
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            for (var i = 0; i < rowsPerTransaction && done < rows; i++, done++)
            {
                seq.Value = done + 1L;
                ts.Value = started;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
            latencies?.Add(started);
        }
        return BenchResult.From(name, rows, clock.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>The bytes one journal record's payload occupies, used for the raw file loop.</summary>
    private int RecordSize => Args.Length + 64;

    private static byte[] MakeArgs(int bytes)
    {
        const string prefix = "[\"bench\",\"", suffix = "\"]";
        var padding = Math.Max(0, bytes - prefix.Length - suffix.Length);
        return Encoding.UTF8.GetBytes(prefix + new string('x', padding) + suffix);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
