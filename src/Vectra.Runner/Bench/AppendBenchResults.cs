namespace Vectra.Runner.Bench;

/// <summary>What one <c>vectra bench append</c> run measured: the journal, and the bare limits it is judged against.</summary>
internal sealed record AppendBenchResults(
    BenchResult Journal,
    double RecordsPerCommit,
    int WarmUpAppends,
    BenchResult RawSync,
    BenchResult RawFullSync,
    BenchResult BareOneRow,
    BenchResult BareBatched,
    BenchResult BareLikeJournal)
{
    public IReadOnlyList<BenchResult> All => [Journal, RawSync, RawFullSync, BareOneRow, BareBatched, BareLikeJournal];
}
