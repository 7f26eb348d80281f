using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>
/// A test downstream of <see cref="TellingProjection"/>: stores, per record, what its upstream told it (NULL for nothing);
/// it fails on events named "downstream-poison" after writing its row.
/// </summary>
internal sealed class HandedEffectsProjection(IProjection upstream) : IDownstreamProjection<string?>
{
    public string Name => "handed";

    public int Version => 1;

    public IProjection Upstream => upstream;

    public void Create(ViewsTransaction views) => views.Execute("CREATE TABLE IF NOT EXISTS handed (seq INTEGER PRIMARY KEY, told TEXT)");

    public void Drop(ViewsTransaction views) => views.Execute("DROP TABLE IF EXISTS handed");

    public void Apply(JournalRecord record, string? upstream, ViewsTransaction views)
    {
        views.Execute("INSERT INTO handed (seq, told) VALUES ($s, $t)", ("$s", record.Seq), ("$t", upstream));
        if (record.Event == "downstream-poison")
        {
            throw new InvalidOperationException($"downstream cannot digest record {record.Seq}");
        }
    }

    public void Flush(ViewsTransaction views)
    {
    }

    public void Forget()
    {
    }
}
