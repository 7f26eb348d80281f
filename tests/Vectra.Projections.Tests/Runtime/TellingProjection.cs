using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>
/// A test upstream: prepares each record (its event name), applies it (a row per record) and tells what it did
/// ("event#seq"); it fails on events named "upstream-poison" after writing its row.
/// </summary>
internal sealed class TellingProjection : IEffectsProjection<string, string>
{
    public string Name => "telling";

    public int Version => 1;

    public void Create(ViewsTransaction views) => views.Execute("CREATE TABLE IF NOT EXISTS told (seq INTEGER PRIMARY KEY)");

    public void Drop(ViewsTransaction views) => views.Execute("DROP TABLE IF EXISTS told");

    public string Prepare(JournalRecord record) => record.Event;

    public string Apply(JournalRecord record, string prepared, ViewsTransaction views)
    {
        views.Execute("INSERT INTO told (seq) VALUES ($s)", ("$s", record.Seq));
        return prepared == "upstream-poison" ? throw new InvalidOperationException($"upstream cannot digest record {record.Seq}") : $"{prepared}#{record.Seq}";
    }

    public void Flush(ViewsTransaction views)
    {
    }

    public void Forget()
    {
    }
}
