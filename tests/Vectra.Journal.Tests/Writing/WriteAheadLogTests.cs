using System.Text;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Writing;

/// <summary>
/// Readers that never pause (live projections following a full-speed capture) keep SQLite from starting its write-ahead
/// log again; the writer truncates the log past its limit, and every committed record stays readable with its bytes.
/// </summary>
public class WriteAheadLogTests
{
    private const long Limit = 2L * 1024 * 1024;
    private const int Batches = 400;
    private const int PerBatch = 16;
    // Two readers, each holding its snapshot for 10 ms and starting 5 ms after the other: one is always open.
    private static readonly int[] ReaderOffsets = [0, 5];

    [Fact]
    public async Task The_log_stays_near_its_limit_while_readers_always_hold_a_snapshot_and_every_record_survives()
    {
        using var folder = new TempFolder();
        var files = new JournalFiles(folder.Path);
        long largest = 0;
        long truncations, busy;
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            writer.Wal.Limit = Limit;
            using var stop = new CancellationTokenSource();
            var readers = ReaderOffsets.Select(offset => Task.Run(() => HoldSnapshots(files.Database, offset, stop.Token))).ToArray();
            for (var batch = 0; batch < Batches; batch++)
            {
                await writer.AppendBatchAsync([.. Enumerable.Range(batch * PerBatch + 1, PerBatch).Select(Frame)]);
                largest = Math.Max(largest, new FileInfo(files.WriteAheadLog).Length);
            }
            await stop.CancelAsync();
            await Task.WhenAll(readers);
            (truncations, busy) = (writer.Wal.Truncations, writer.Wal.Busy);
        }

        var written = Batches * PerBatch * (long)Frame(1).Args.Length;
        Assert.True(truncations > 0, $"the log was never truncated (largest {largest:N0} bytes for {written:N0} bytes of args)");
        Assert.True(largest < 8 * Limit, $"the log reached {largest:N0} bytes against a limit of {Limit:N0} ({written:N0} bytes of args written; {truncations} truncations, {busy} busy)");
        using var reader = JournalReader.Open(folder.Path);
        var records = reader.ReadAfter(0, Batches * PerBatch + 1);
        Assert.Equal(Batches * PerBatch, records.Count);
        Assert.All(records, r => Assert.Equal(Frame((int)r.Seq).Args, r.Args));
    }

    private static NewRecord Frame(int n) => TestRecords.Frame(n) with
    {
        Args = Encoding.UTF8.GetBytes($"[{{\"n\":{n},\"pad\":\"{new string((char)('a' + n % 26), 4000)}\"}}]"),
    };

    private static async Task HoldSnapshots(string database, int offsetMilliseconds, CancellationToken stop)
    {
        await Task.Delay(offsetMilliseconds, CancellationToken.None);
        using var connection = ReadOnlyDatabase.Open(database);
        while (!stop.IsCancellationRequested)
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT count(*) FROM journal";
            count.ExecuteScalar();
            await Task.Delay(10, CancellationToken.None);
            transaction.Commit();
        }
    }
}
