using System.Globalization;

namespace Vectra.Projections.Exports.Files;

/// <summary>
/// Where one export type's files go: <c>exports/doc_type=&lt;type&gt;/date=YYYY-MM-DD/</c>, closed files named
/// <c>&lt;first_seq&gt;-&lt;last_seq&gt;.parquet</c>, open tails <c>&lt;first_seq&gt;-open.parquet</c> (never a number after
/// the dash, so never a closed file's name), files being written <c>&lt;name&gt;.tmp</c> (not matched by <c>*.parquet</c>).
/// </summary>
internal sealed class ExportPaths(string exportsDirectory, string docType)
{
    public const string OpenSuffix = "-open.parquet";

    public string TypeDirectory { get; } = Path.Combine(exportsDirectory, "doc_type=" + docType);

    public string DayDirectory(long day) => Path.Combine(TypeDirectory, "date=" + ExportDay.Text(day));

    public string Closed(long day, long firstSeq, long lastSeq) =>
        Path.Combine(DayDirectory(day), string.Create(CultureInfo.InvariantCulture, $"{firstSeq}-{lastSeq}.parquet"));

    public string Open(long day, long firstSeq) =>
        Path.Combine(DayDirectory(day), string.Create(CultureInfo.InvariantCulture, $"{firstSeq}{OpenSuffix}"));

    /// <summary>Every open tail and unfinished temporary file of this type on disk.</summary>
    public IEnumerable<string> OpenAndTemporaryFiles() =>
        Directory.Exists(TypeDirectory)
            ? Directory.EnumerateFiles(TypeDirectory, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(OpenSuffix, StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal))
            : [];
}
