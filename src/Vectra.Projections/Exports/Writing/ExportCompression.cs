namespace Vectra.Projections.Exports.Writing;

/// <summary>How an export file's pages are compressed.</summary>
public enum ExportCompression
{
    /// <summary>Snappy: fast, and read by every Parquet reader; the default.</summary>
    Snappy,

    /// <summary>Zstandard at its fastest level: smaller files (raw JSON payloads shrink far more), read by current readers.</summary>
    Zstd,
}
