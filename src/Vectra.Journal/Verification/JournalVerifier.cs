using Vectra.Journal.Blocks;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;

namespace Vectra.Journal.Verification;

/// <summary>
/// Checks a journal end to end: every sealed block's checksum and layout, every record's CRC32C (in
/// blocks and in rows), <c>meta_seq</c> contiguous from 1 across blocks and rows with no seq twice
/// (in two blocks, or in a block and a row), and SQLite's own <c>integrity_check</c>. Safe to run
/// while a writer appends and seals: blocks and rows are read in one snapshot.
/// </summary>
/// <remarks>
/// Failure policy: damage is the finding, never an exception: a file that is not a journal, a read
/// that stops on a malformed page, a damaged block, a failing integrity check all become lines of the
/// report. Only a journal that cannot be opened here at all (missing, unreadable, an I/O error) throws.
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
        var tally = new Tally(progress);
        var problems = new List<string>();
        try
        {
            using var snapshot = reader.Snapshot();
            using var blocks = reader.ReadBlocks().GetEnumerator();
            using var rows = reader.ReadStoredRows().GetEnumerator();
            var hasBlock = blocks.MoveNext();
            var hasRow = rows.MoveNext();
            while (hasBlock || hasRow)
            {
                if (hasBlock && (!hasRow || blocks.Current.Header.FirstSeq <= rows.Current.Record.Seq))
                {
                    tally.Add(blocks.Current);
                    hasBlock = blocks.MoveNext();
                }
                else
                {
                    tally.Add(rows.Current);
                    hasRow = rows.MoveNext();
                }
            }
        }
        catch (JournalCorruptException e)
        {
            problems.Add($"reading stopped after meta_seq {tally.Previous}: {Cause(e)}");
        }
        try
        {
            problems.AddRange(reader.IntegrityCheck().Where(line => line != "ok"));
        }
        catch (JournalCorruptException e)
        {
            problems.Add($"integrity check failed to run: {Cause(e)}");
        }
        return new VerifyReport(tally.Checked, tally.Previous, tally.BadChecksums, tally.Gaps, tally.Duplicates, problems)
        {
            DamagedBlocks = tally.DamagedBlocks,
        };
    }

    private static string Cause(JournalCorruptException damage) => damage.InnerException?.Message ?? damage.Message;

    /// <summary>The findings so far, fed records and blocks in seq order.</summary>
    private sealed class Tally(IProgress<long>? progress)
    {
        public List<long> BadChecksums { get; } = [];
        public List<SeqGap> Gaps { get; } = [];
        public List<long> Duplicates { get; } = [];
        public List<DamagedBlock> DamagedBlocks { get; } = [];
        public long Checked { get; private set; }
        public long Previous { get; private set; }

        public void Add(OpenedBlock block)
        {
            if (block.Rows is not { } rows)
            {
                DamagedBlocks.Add(new DamagedBlock(block.Header.FirstSeq, block.Header.LastSeq, block.Damage ?? "damaged"));
                Seen(block.Header.FirstSeq, block.Header.LastSeq);
                return;
            }
            foreach (var row in rows)
            {
                Add(row);
            }
        }

        public void Add(StoredRow row)
        {
            Seen(row.Record.Seq, row.Record.Seq);
            if (!row.ChecksumHolds)
            {
                BadChecksums.Add(row.Record.Seq);
            }
            if (++Checked % 100_000 == 0)
            {
                progress?.Report(row.Record.Seq);
            }
        }

        private void Seen(long first, long last)
        {
            if (first <= Previous)
            {
                for (var seq = first; seq <= Math.Min(last, Previous); seq++)
                {
                    Duplicates.Add(seq);
                }
            }
            else if (first > Previous + 1)
            {
                Gaps.Add(new SeqGap(Previous + 1, first - 1));
            }
            Previous = Math.Max(Previous, last);
        }
    }
}
