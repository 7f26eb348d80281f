using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>A test projection that prepares each record (twice its seq) and stores what was prepared; preparing an event named "unreadable" fails.</summary>
internal sealed class PreparingProjection : IPreparingProjection<long>
{
    public string Name => "preparing";

    public int Version => 1;

    public void Create(ViewsTransaction views) => views.Execute("CREATE TABLE IF NOT EXISTS prepared (seq INTEGER PRIMARY KEY, value INTEGER)");

    public void Drop(ViewsTransaction views) => views.Execute("DROP TABLE IF EXISTS prepared");

    public long Prepare(JournalRecord record) =>
        record.Event == "unreadable" ? throw new InvalidDataException($"cannot read record {record.Seq}") : record.Seq * 2;

    public void Apply(JournalRecord record, long prepared, ViewsTransaction views) =>
        views.Execute("INSERT INTO prepared (seq, value) VALUES ($s, $v)", ("$s", record.Seq), ("$v", prepared));

    public void Flush(ViewsTransaction views)
    {
    }

    public void Forget()
    {
    }
}
