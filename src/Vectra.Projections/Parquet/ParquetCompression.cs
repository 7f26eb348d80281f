namespace Vectra.Projections.Parquet;

/// <summary>How data and dictionary pages are compressed.</summary>
public enum ParquetCompression
{
    /// <summary>Snappy (block format), the default: fast, and what most Parquet tools write.</summary>
    Snappy,

    /// <summary>GZIP from the BCL: smaller files, slower writes.</summary>
    Gzip,

    /// <summary>No compression.</summary>
    Uncompressed,
}
