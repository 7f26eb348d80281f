using Microsoft.Data.Sqlite;
using Vectra.Journal.Blocks;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;
using Vectra.Journal.Tests.Blocks;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Writing;

/// <summary>
/// The session summaries are stored lazily (every <see cref="SessionSummaries.FlushRecords"/> records and at close), yet every
/// reader sees every committed record in them, and a journal of schema 2 (summaries stored with every commit) keeps its counts.
/// </summary>
public class SessionSummaryTests
{
    private static readonly Guid Other = Guid.Parse("0d3e5c6a-6b1f-4c55-8a0e-2b9f7e1d4c3a");

    private static NewRecord Frame(int n) => n % 3 == 0
        ? TestRecords.Frame(n) with { Session = Other, Source = "import:journal" }
        : TestRecords.Frame(n);

    [Theory]
    [InlineData("always")]
    [InlineData("batch")]
    public async Task Readers_count_every_committed_record_while_the_writer_holds_tallies_in_memory(string policy)
    {
        using var folder = new TempFolder();
        var records = SessionSummaries.FlushRecords + 476;
        using (var writer = JournalWriter.Open(folder.Path, Durability.TryParse(policy)!, Sealing.Every(tail: 300, block: 100)))
        {
            for (var n = 1; n <= records; n++)
            {
                await writer.AppendAsync(Frame(n));
            }
            await Sealing.UntilSealedAsync(folder.Path, 1000);
            AssertSessionsMatchRecords(folder.Path, records);
            Assert.True(StoredRecords(folder.Path) < records, "the summary rows were written with every commit");
            Assert.Equal(1, JournalStatus.Read(folder.Path).Sessions.Count(s => s.Session == Other));
            Assert.Equal(records, JournalStatus.Read(folder.Path).Records);
        }
        Assert.Equal(records, StoredRecords(folder.Path));
        Assert.Equal(records, Scalar(folder.Path, $"SELECT value FROM journal_meta WHERE key = '{SessionSummaries.ThroughKey}'"));
        AssertSessionsMatchRecords(folder.Path, records);
    }

    [Fact]
    public async Task A_schema_two_journal_keeps_its_counts_and_is_upgraded_by_the_next_writer()
    {
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, SealPolicy.Off))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 40).Select(Frame).ToArray());
        }
        // What schema 2 left: summary rows counting every record, and no key saying through which seq.
        Scalar(folder.Path, $"DELETE FROM journal_meta WHERE key = '{SessionSummaries.ThroughKey}'; UPDATE journal_meta SET value = '2' WHERE key = 'schema_version'; SELECT 0");
        AssertSessionsMatchRecords(folder.Path, 40);

        using (var writer = JournalWriter.Open(folder.Path, Durability.Always))
        {
            for (var n = 41; n <= 45; n++)
            {
                await writer.AppendAsync(Frame(n));
            }
            AssertSessionsMatchRecords(folder.Path, 45);
        }
        Assert.Equal(3, Scalar(folder.Path, "SELECT value FROM journal_meta WHERE key = 'schema_version'"));
        Assert.Equal(45, StoredRecords(folder.Path));
        AssertSessionsMatchRecords(folder.Path, 45);
    }

    /// <summary>Every session's summary, as a reader shows it, equals what the stored records themselves say.</summary>
    internal static void AssertSessionsMatchRecords(string folder, long expectedRecords)
    {
        using var reader = JournalReader.Open(folder);
        var records = reader.ReadSeqRange(1, long.MaxValue).ToList();
        Assert.Equal(expectedRecords, records.Count);
        var expected = records.GroupBy(r => r.Session)
            .Select(g => new SessionSummary(g.Key, g.First().Source, g.Min(r => r.Seq), g.Max(r => r.Seq), g.Count(), g.Min(r => r.Ts), g.Max(r => r.Ts)))
            .OrderBy(s => s.FirstSeq)
            .ToList();
        Assert.Equal(expected, reader.Sessions());
    }

    private static long StoredRecords(string folder) => Scalar(folder, "SELECT coalesce(sum(records), 0) FROM journal_sessions");

    private static long Scalar(string folder, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "journal.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
