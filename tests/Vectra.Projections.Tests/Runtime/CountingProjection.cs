using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>A test projection: one row per record (event name and version), and it fails on events named "poison" after writing.</summary>
internal sealed class CountingProjection(int version = 1) : IRecordProjection
{
    public string Name => "counting";

    public int Version => version;

    public void Create(ViewsTransaction views) => views.Execute("CREATE TABLE IF NOT EXISTS counted (seq INTEGER PRIMARY KEY, event TEXT, version INTEGER)");

    public void Drop(ViewsTransaction views) => views.Execute("DROP TABLE IF EXISTS counted");

    public void Apply(JournalRecord record, ViewsTransaction views)
    {
        views.Execute("INSERT INTO counted (seq, event, version) VALUES ($s, $e, $v)", ("$s", record.Seq), ("$e", record.Event), ("$v", version));
        if (record.Event == "poison")
        {
            throw new InvalidOperationException($"cannot digest record {record.Seq}");
        }
    }

    public void Flush(ViewsTransaction views)
    {
    }

    public void Forget()
    {
    }
}
