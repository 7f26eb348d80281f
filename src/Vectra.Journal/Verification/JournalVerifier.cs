using Vectra.Journal.Errors;
using Vectra.Journal.Reading;

namespace Vectra.Journal.Verification;

/// <summary>
/// Checks a journal end to end: every record's CRC32C, <c>meta_seq</c> contiguous from 1 with no
/// duplicate, and SQLite's own <c>integrity_check</c>. Safe to run while a writer appends.
/// </summary>
/// <remarks>
/// Failure policy: damage is the finding, never an exception: a file that is not a journal, a read
/// that stops on a malformed page, a failing integrity check all become lines of the report. Only a
/// journal that cannot be opened here at all (missing, unreadable, an I/O error) throws.
/// </remarks>
public static class JournalVerifier
{
    /// <summary>Verifies the journal in <paramref name="dataDirectory"/>; <paramref name="progress"/> receives the seq reached.</summary>
    public static VerifyReport Verify(string dataDirectory, IProgress<long>? progress = null)
    {
        JournalReader reader;
        try
        {
            reader = JournalReader.Open(dataDirectory);
        }
        catch (JournalCorruptException damaged)
        {
            return new VerifyReport(0, 0, [], [], [], [$"journal.db cannot be opened: {Cause(damaged)}"]);
        }
        using (reader)
        {
            return Verify(reader, progress);
        }
    }

    private static VerifyReport Verify(JournalReader reader, IProgress<long>? progress)
    {
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
        catch (JournalCorruptException e)
        {
            problems.Add($"reading stopped after meta_seq {previous}: {Cause(e)}");
        }
        try
        {
            problems.AddRange(reader.IntegrityCheck().Where(line => line != "ok"));
        }
        catch (JournalCorruptException e)
        {
            problems.Add($"integrity check failed to run: {Cause(e)}");
        }
        return new VerifyReport(checkedRows, previous, badChecksums, gaps, duplicates, problems);
    }

    private static string Cause(JournalCorruptException damage) => damage.InnerException?.Message ?? damage.Message;
}
