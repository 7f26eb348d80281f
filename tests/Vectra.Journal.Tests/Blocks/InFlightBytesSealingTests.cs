using System.Text;
using Vectra.Journal.Blocks;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>Sealing while large batches are being committed (an import's first file, a capture's burst after a stall).</summary>
public sealed class InFlightBytesSealingTests
{
    [Fact]
    public async Task Sealing_never_stops_because_it_counted_the_bytes_of_a_transaction_not_yet_committed()
    {
        using var folder = new TempFolder();
        var problems = new List<string>();
        // Due by bytes almost at once: the sealer wakes while the writer is still inserting a many-request batch.
        var policy = new SealPolicy { MaxTailRecords = 1_000_000, MaxTailBytes = 64 << 10, BlockRecords = 200, OnProblem = problems.Add };
        var args = Encoding.UTF8.GetBytes("[{\"pad\":\"" + new string('x', 50_000) + "\"}]");
        var n = 0;
        using (var writer = JournalWriter.Open(folder.Path, Durability.None, policy))
        {
            for (var round = 0; round < 6 && problems.Count == 0; round++)
            {
                // Thirty 1 MB appends at once: the writer takes them as one group, one transaction.
                var appends = Enumerable.Range(0, 30)
                    .Select(_ => writer.AppendBatchAsync(Enumerable.Range(0, 20).Select(_ => Padded(++n, args)).ToArray()))
                    .ToArray();
                await Task.WhenAll(appends);
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (Sealing.FiguresOf(folder.Path).BlockRecords < n - 200 && problems.Count == 0 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(10);
                }
            }
            Assert.Null(writer.SealingProblem);
        }
        Assert.Empty(problems);
        Assert.True(Sealing.FiguresOf(folder.Path).BlockRecords >= n - 200, $"only {Sealing.FiguresOf(folder.Path).BlockRecords} of {n} records were sealed");
    }

    private static NewRecord Padded(int n, byte[] args) =>
        new("gameStateUpdate", args, 1_765_000_000_000_000 + n * 250_000L, TestRecords.Session, 1, "live");
}
