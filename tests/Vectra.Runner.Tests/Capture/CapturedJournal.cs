using System.Diagnostics;
using System.Text;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;

namespace Vectra.Runner.Tests.Capture;

/// <summary>What a capture journaled, read back with the journal's own reader.</summary>
internal sealed class CapturedJournal(IReadOnlyList<JournalRecord> records)
{
    public IReadOnlyList<JournalRecord> Records { get; } = records;

    public IReadOnlyList<JournalRecord> Frames => [.. Records.Where(r => !r.Event.StartsWith('$'))];

    public static CapturedJournal Read(string data)
    {
        using var reader = JournalReader.Open(data);
        return new CapturedJournal([.. reader.ReadSeqRange(1, long.MaxValue)]);
    }

    public IReadOnlyList<JournalRecord> System(string eventName) => [.. Records.Where(r => r.Event == eventName)];

    /// <summary>Polls the journal until <paramref name="done"/> holds for it; bounded.</summary>
    public static async Task<CapturedJournal> WaitUntilAsync(string data, Func<CapturedJournal, bool> done, TimeSpan timeout, Func<string> context)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (TryRead(data) is { } journal && done(journal))
            {
                return journal;
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"the journal in {data} never reached the expected state; {context()}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The journal, or null while the runner has not created it yet.</summary>
    private static CapturedJournal? TryRead(string data)
    {
        try
        {
            return File.Exists(Path.Combine(data, "journal.db")) ? Read(data) : null;
        }
        catch (System.Data.Common.DbException)
        {
            return null;
        }
    }

    public static string Text(JournalRecord record) => Encoding.UTF8.GetString(record.Args);
}
