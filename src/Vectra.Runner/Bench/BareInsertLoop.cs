using System.Diagnostics;
using Vectra.Journal;
using Vectra.Journal.Storage;

namespace Vectra.Runner.Bench;

/// <summary>
/// SQLite's own limit for the journal's inserts, without Vectra around it: a file opened by the journal writer's opener
/// (16 KB pages, WAL, <c>synchronous=FULL</c>, incremental auto-vacuum) with the journal's tables and indexes, and one
/// loop on one thread that inserts rows through the same prepared positional statement as the writer (and its prepared BEGIN and COMMIT), committing every
/// <c>rowsPerTransaction</c> rows. What is left out is Vectra's share: the queue, the writer thread, the session tallies,
/// checksums and acknowledgements.
/// </summary>
internal static class BareInsertLoop
{
    private const string Insert = "INSERT INTO journal (seq, ts, session, conn, source, event, codec, args, crc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)";

    public static BenchResult Run(string path, byte[] args, int rows, int rowsPerTransaction, string name)
    {
        using var connection = SqliteOpener.OpenWriter(path, Durability.Batch);
        JournalSchema.Create(connection);
        using var insert = new Statement(connection, Insert);
        using var begin = new Statement(connection, "BEGIN");
        using var commit = new Statement(connection, "COMMIT");
        var session = System.Text.Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("D"));
        var latencies = rowsPerTransaction == 1 ? new LatencyRecorder(rows) : null;
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < rows;)
        {
            var started = Stopwatch.GetTimestamp();
            begin.Execute();
            for (var i = 0; i < rowsPerTransaction && done < rows; i++, done++)
            {
                insert.Bind(1, done + 1L);
                insert.Bind(2, started);
                insert.BindText(3, session);
                insert.Bind(4, 1L);
                insert.BindText(5, "bench"u8);
                insert.BindText(6, "bench"u8);
                insert.BindBlob(7, args);
                insert.Bind(8, 0L);
                insert.Execute();
            }
            commit.Execute();
            latencies?.Add(started);
        }
        return BenchResult.From(name, rows, clock.Elapsed.TotalSeconds, latencies);
    }
}
