namespace Vectra.Projections.Parquet;

/// <summary>Tuning of a <see cref="ParquetFileWriter"/>; the defaults suit exports of a few million rows.</summary>
public sealed record ParquetWriterOptions
{
    /// <summary>
    /// Rows per row group; a row group is buffered in memory before it is written. Column batches are never split, so a
    /// group ends at the first batch that brings it to at least this many rows.
    /// </summary>
    public int RowGroupRows { get; init; } = 1_000_000;

    /// <summary>Page compression.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>A data page is closed at the first row boundary past this many encoded value bytes.</summary>
    public int PageBytes { get; init; } = 1024 * 1024;

    /// <summary>A data page is closed at the first row boundary past this many values (levels included).</summary>
    public int PageValues { get; init; } = 64 * 1024;

    /// <summary>A string column chunk is dictionary-encoded only while it has at most this many distinct values…</summary>
    public int MaxDictionaryEntries { get; init; } = 16 * 1024;

    /// <summary>…and its distinct values take at most this many bytes; otherwise it falls back to PLAIN.</summary>
    public int MaxDictionaryBytes { get; init; } = 1024 * 1024;

    /// <summary>Strings longer than this (in UTF-8 bytes) get no min/max statistics, so the footer stays small.</summary>
    public int MaxStatisticsBytes { get; init; } = 4096;

    /// <summary>
    /// Threads that encode the column chunks of a row group side by side; 1 encodes them one after another.
    /// The file's bytes are the same for any number.
    /// </summary>
    public int EncodingThreads { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(EncodingThreads, 1, nameof(EncodingThreads));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupRows, 1, nameof(RowGroupRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageBytes, 1, nameof(PageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageValues, 1, nameof(PageValues));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDictionaryEntries, nameof(MaxDictionaryEntries));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDictionaryBytes, nameof(MaxDictionaryBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxStatisticsBytes, nameof(MaxStatisticsBytes));
    }
}
