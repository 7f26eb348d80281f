namespace Vectra.Projections.Exports;

/// <summary>When export files close and how often their open tails are rewritten.</summary>
/// <param name="RowLimit">A file closes once it holds this many rows (checked between records, so rows added by one record stay together).</param>
/// <param name="OpenFileInterval">While following, open tail files are rewritten at most once per this much journal time (meta_ts).</param>
public sealed record ExportOptions(int RowLimit, TimeSpan OpenFileInterval)
{
    /// <summary>100,000 rows per file; tails rewritten every minute of journal time.</summary>
    public static ExportOptions Default { get; } = new(100_000, TimeSpan.FromMinutes(1));
}
