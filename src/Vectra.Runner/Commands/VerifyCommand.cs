using System.CommandLine;
using Vectra.Journal.Errors;
using Vectra.Journal.Reading;
using Vectra.Journal.Verification;
using Vectra.Runner.Cli;
using Vectra.Runner.Progress;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra verify</c>: every record's CRC, contiguous seqs, SQLite's integrity check.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("verify", "Check the journal: every sealed block's checksum, every record's CRC32C, meta_seq contiguous from 1 across blocks and rows with no duplicate, and SQLite's integrity check. Exit 0 when clean, 1 naming the bad meta_seqs otherwise.")
        {
            json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(json)));
        return command;
    }

    private static int Run(string data, bool json)
    {
        var progress = json ? null : new ProgressLine("verify", "records", RecordsToCheck(data));
        var report = JournalVerifier.Verify(data, progress);
        progress?.Finish(report.RecordsChecked);
        if (json)
        {
            ConsoleJson.Print(new
            {
                clean = report.Clean,
                report.RecordsChecked,
                report.LastSeq,
                report.BadChecksums,
                missingRanges = report.MissingRanges.Select(g => new { from = g.From, to = g.To }),
                report.DuplicateSeqs,
                damagedBlocks = report.DamagedBlocks.Select(b => new { firstSeq = b.FirstSeq, lastSeq = b.LastSeq, reason = b.Reason }),
                report.IntegrityProblems,
            });
        }
        else
        {
            PrintText(report);
        }
        return report.Clean ? ExitCodes.Ok : ExitCodes.ProblemFound;
    }

    /// <summary>The last seq, for the progress line; 0 (unknown) when the journal is too damaged to say: the report will name the damage.</summary>
    private static long RecordsToCheck(string data)
    {
        try
        {
            using var reader = JournalReader.Open(data);
            return reader.Tail;
        }
        catch (JournalCorruptException)
        {
            return 0;
        }
    }

    private static void PrintText(VerifyReport report)
    {
        Console.WriteLine($"checked {report.RecordsChecked:N0} records, meta_seq 1..{report.LastSeq}");
        if (report.Clean)
        {
            Console.WriteLine("clean: every block and record checksum holds, meta_seq is contiguous, SQLite integrity ok");
            return;
        }
        foreach (var block in report.DamagedBlocks.Take(20))
        {
            Console.WriteLine($"CORRUPT: the sealed block holding meta_seq {block.FirstSeq}-{block.LastSeq} is damaged: {block.Reason}");
        }
        if (report.BadChecksums.Count > 0)
        {
            Console.WriteLine($"CORRUPT: {report.BadChecksums.Count} record(s) fail their checksum: meta_seq {Shorten(report.BadChecksums)}");
        }
        if (report.MissingRanges.Count > 0)
        {
            Console.WriteLine($"MISSING: meta_seq {string.Join(", ", report.MissingRanges.Take(20).Select(g => g.From == g.To ? $"{g.From}" : $"{g.From}-{g.To}"))}");
        }
        if (report.DuplicateSeqs.Count > 0)
        {
            Console.WriteLine($"DUPLICATE: meta_seq {Shorten(report.DuplicateSeqs)}");
        }
        foreach (var problem in report.IntegrityProblems.Take(20))
        {
            Console.WriteLine($"SQLITE: {problem}");
        }
        Console.WriteLine("The journal is damaged. Keep a copy of the data folder before anything else; export the intact ranges with `vectra journal export --from/--to`.");
    }

    private static string Shorten(IReadOnlyList<long> seqs) =>
        string.Join(", ", seqs.Take(50)) + (seqs.Count > 50 ? $" … and {seqs.Count - 50} more" : "");
}
