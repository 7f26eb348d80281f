using Vectra.Journal.Reading;
using Vectra.Journal.Verification;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Reading;

/// <summary>
/// A writer killed while it creates the journal leaves a 0-byte journal.db. Readers take it for what it is, an
/// empty journal, and see records once a writer has created the tables and appended.
/// </summary>
public class ZeroByteJournalTests
{
    [Fact]
    public async Task A_zero_byte_journal_reads_as_empty_verifies_clean_and_a_reader_opened_on_it_sees_a_later_writers_records()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("journal.db"), []);

        using var reader = JournalReader.Open(folder.Path);
        Assert.Equal(0, reader.Tail);
        Assert.Equal(0, reader.Head);
        Assert.Empty(reader.ReadAfter(0, 100));
        Assert.Empty(reader.Sessions());
        Assert.Null(reader.LastDurability);
        var report = JournalVerifier.Verify(folder.Path);
        Assert.True(report.Clean, string.Join("; ", report.IntegrityProblems));
        Assert.Equal(0, report.RecordsChecked);
        Assert.Equal(0, JournalStatus.Read(folder.Path).Records);

        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 10).Select(n => TestRecords.Frame(n)).ToArray());
        }
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), reader.ReadAfter(0, 100).Select(r => r.Seq));
        Assert.True(JournalVerifier.Verify(folder.Path).Clean);
    }
}
