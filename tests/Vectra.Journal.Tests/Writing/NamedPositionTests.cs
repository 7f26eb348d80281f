using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Writing;

/// <summary>Named positions: stored by the writer with the records they come with, read back when a writer opens.</summary>
public sealed class NamedPositionTests
{
    [Fact]
    public async Task A_position_is_committed_with_its_records_and_read_back_on_open()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            Assert.Empty(writer.PositionsAtOpen);
            await writer.AppendBatchAsync([TestRecords.Frame(1), TestRecords.Frame(2)], [new JournalPosition("nats:S", 7)]);
            // A batch of only duplicates moves the position without adding a record.
            await writer.AppendBatchAsync([], [new JournalPosition("nats:S", 9), new JournalPosition("other", 1)]);
            Assert.Equal(2, writer.Tail);
        }
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            Assert.Equal(new Dictionary<string, long> { ["nats:S"] = 9, ["other"] = 1 }, writer.PositionsAtOpen);
        }
        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(2, reader.Tail);
    }

    [Fact]
    public async Task A_failed_batch_stores_neither_its_records_nor_its_position()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync([TestRecords.Frame(1)], [new JournalPosition("nats:S", 1)]);
            writer.LimitDatabasePagesForTest();
            var big = TestRecords.Frame(2) with { Args = System.Text.Encoding.UTF8.GetBytes("[\"" + new string('x', 4_000_000) + "\"]") };
            await Assert.ThrowsAnyAsync<Exception>(() => writer.AppendBatchAsync([big], [new JournalPosition("nats:S", 2)]));
        }
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            Assert.Equal(1, writer.PositionsAtOpen["nats:S"]);
            Assert.Equal(1, writer.Tail);
        }
    }
}
