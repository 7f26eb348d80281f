using System.Text;
using Vectra.Journal.Records;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>
/// What one projection did with a record reaches the projections downstream of it as a typed value, for that record
/// only: nothing for a record the upstream quarantined, and the same values when a batch is applied again after a
/// rollback; a downstream projection listed before its upstream is refused.
/// </summary>
public sealed class HandOffTests
{
    private static JournalRecord Record(string eventName) =>
        new(0, 1_765_000_000_000_000, Guid.Empty, 1, "live", eventName, Encoding.UTF8.GetBytes("[{}]"));

    [Theory]
    [InlineData(40)]
    [InlineData(12_345)]
    public async Task A_downstream_projection_is_handed_what_its_upstream_did_with_each_record_and_nothing_for_a_record_the_upstream_quarantined(int count)
    {
        using var folder = new TempFolder();
        long[] upstreamPoison = [3, count - 2];
        long[] downstreamPoison = [7, count / 2];
        await ProjectionHarness.JournalAsync(folder.Path, Enumerable.Range(1, count).Select(seq =>
            Record(upstreamPoison.Contains(seq) ? "upstream-poison" : downstreamPoison.Contains(seq) ? "downstream-poison" : "a")));

        var telling = new TellingProjection();
        using (var runner = ProjectionRunner.Open(folder.Path, [telling, new HandedEffectsProjection(telling)]))
        {
            runner.CatchUp();
        }

        var handed = ProjectionHarness.Query(folder.Path, "SELECT seq, told FROM handed ORDER BY seq", r => (r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1)));
        var expected = Enumerable.Range(1, count).Select(seq => (long)seq).Where(seq => !downstreamPoison.Contains(seq))
            .Select(seq => (seq, upstreamPoison.Contains(seq) ? null : $"a#{seq}"));
        Assert.Equal(expected, handed);
        Assert.Equal(
            upstreamPoison.Select(seq => ("telling", seq)).Concat(downstreamPoison.Select(seq => ("handed", seq))).OrderBy(q => q.seq),
            ProjectionStates.Quarantined(folder.Path).Select(q => (q.Projection, q.Seq)));
        // No partial effect of a record the upstream failed on survives either.
        Assert.DoesNotContain(upstreamPoison[0], ProjectionHarness.Query(folder.Path, "SELECT seq FROM told", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task A_downstream_projection_listed_before_its_upstream_is_refused_on_open_naming_both()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, [Record("a")]);
        var telling = new TellingProjection();

        var refused = Assert.Throws<ArgumentException>(() => ProjectionRunner.Open(folder.Path, [new HandedEffectsProjection(telling), telling]));

        Assert.Contains("handed reads what telling did", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "views.db")));
    }
}
