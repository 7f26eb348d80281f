using Microsoft.Data.Sqlite;
using Vectra.Journal.Reading;

namespace Vectra.Journal.Verification;

/// <summary>
/// Checks a journal end to end: every record's CRC32C, <c>meta_seq</c> contiguous from 1 with no
/// duplicate, and SQLite's own <c>integrity_check</c>. Safe to run while a writer appends.
/// </summary>
public static class JournalVerifier
{
    /// <summary>Verifies the journal in <paramref name="dataDirectory"/>; <paramref name="progress"/> receives the seq reached.</summary>
    public static VerifyReport Verify(string dataDirectory, IProgress<long>? progress = null)
    {
        using var reader = JournalReader.Open(dataDirectory);
        var badChecksums = new List<long>();
        var gaps = new List<SeqGap>();
        var duplicates = new List<long>();
        var problems = new List<string>();
        long checkedRows = 0, previous = 0;
        try
        {
            foreach (var row in reader.ReadStoredRows())
            {
                var seq = row.Record.Seq;
                if (seq == previous)
                {
                    duplicates.Add(seq);
                }
                else if (seq > previous + 1)
                {
                    gaps.Add(new SeqGap(previous + 1, seq - 1));
                }
                if (!row.ChecksumHolds)
                {
                    badChecksums.Add(seq);
                }
                previous = Math.Max(previous, seq);
                if (++checkedRows % 100_000 == 0)
                {
                    progress?.Report(seq);
                }
            }
        }
        catch (SqliteException e)
        {
            problems.Add($"reading stopped after meta_seq {previous}: {e.Message}");
        }
        try
        {
            problems.AddRange(reader.IntegrityCheck().Where(line => line != "ok"));
        }
        catch (SqliteException e)
        {
            problems.Add($"integrity check failed to run: {e.Message}");
        }
        return new VerifyReport(checkedRows, previous, badChecksums, gaps, duplicates, problems);
    }
}
