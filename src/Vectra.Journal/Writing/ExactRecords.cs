using Vectra.Journal.Errors;
using Vectra.Journal.Records;

namespace Vectra.Journal.Writing;

/// <summary>Records of an exact import, which carry their own seqs: checked to be consecutive, then appended as new records whose seqs the writer must give them.</summary>
internal static class ExactRecords
{
    /// <summary>The records without their seqs; throws <see cref="JournalInputException"/> unless their seqs are consecutive.</summary>
    public static NewRecord[] AsNew(IReadOnlyList<JournalRecord> records)
    {
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Seq != records[0].Seq + i)
            {
                throw new JournalInputException($"records to import must have consecutive meta_seq values; {records[i - 1].Seq} is followed by {records[i].Seq}.");
            }
        }
        return [.. records.Select(r => new NewRecord(r.Event, r.Args, r.Ts, r.Session, r.Conn, r.Source))];
    }
}
