namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// Compression and row group bounds of an <see cref="ExportFileWriter"/>. A row group is buffered in memory until one of
/// the bounds is reached after a row, so memory stays bounded whatever the file's size, and the same rows always end
/// the same groups (the bytes depend on nothing else).
/// </summary>
public sealed record ExportWriterOptions
{
    /// <summary>Page compression.</summary>
    public ExportCompression Compression { get; init; } = ExportCompression.Snappy;

    /// <summary>A row group ends after this many rows.</summary>
    public int RowGroupRows { get; init; } = 128 * 1024;

    /// <summary>…or once its string values hold this many characters (8 Mi characters: 16 MB of UTF-16).</summary>
    public long RowGroupChars { get; init; } = 8L << 20;

    /// <summary>…or once its list columns hold this many element slots.</summary>
    public int RowGroupListSlots { get; init; } = 4 << 20;

    /// <summary>
    /// These options with row groups of at most 16 Ki rows and 1 Mi characters, for open tail files. An open file is
    /// rewritten every minute from its whole tail (up to a closed file's rows) and no rebuild compares its bytes, so it
    /// need not match the closed file's groups; small groups keep each rewrite's text blocks, column arrays and
    /// Parquet.Net page buffers a few MB instead of the 30-50 MB a closed file's single group takes.
    /// </summary>
    public ExportWriterOptions ForOpenFiles() =>
        this with { RowGroupRows = Math.Min(RowGroupRows, 16 * 1024), RowGroupChars = Math.Min(RowGroupChars, 1L << 20) };

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupRows, 1, nameof(RowGroupRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupChars, 1, nameof(RowGroupChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupListSlots, 1, nameof(RowGroupListSlots));
    }
}
