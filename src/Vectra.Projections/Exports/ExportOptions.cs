using Vectra.Projections.Exports.Writing;

namespace Vectra.Projections.Exports;

/// <summary>When export files close, how often their open tails are rewritten, and how they are compressed.</summary>
/// <param name="RowLimit">A file closes once it holds this many rows (checked between records, so rows added by one record stay together).</param>
/// <param name="OpenFileInterval">While following, open tail files are rewritten at most once per this much journal time (meta_ts).</param>
public sealed record ExportOptions(int RowLimit, TimeSpan OpenFileInterval)
{
    /// <summary>100,000 rows per file; tails rewritten every minute of journal time; each type's own compression.</summary>
    public static ExportOptions Default { get; } = new(100_000, TimeSpan.FromMinutes(1));

    /// <summary>
    /// The compression of every export type, or null for each type's own (zstd for <c>events</c>, whose raw JSON
    /// payloads shrink far more with it; Snappy, which every reader knows, for the others). A rebuild reproduces
    /// closed files byte for byte only with the same choice.
    /// </summary>
    public ExportCompression? Compression { get; init; }
}
