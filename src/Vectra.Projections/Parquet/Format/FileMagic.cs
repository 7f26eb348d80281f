namespace Vectra.Projections.Parquet.Format;

/// <summary>The four bytes that open and close every Parquet file.</summary>
internal static class FileMagic
{
    /// <summary>"PAR1" in ASCII.</summary>
    public static ReadOnlySpan<byte> Bytes => "PAR1"u8;
}
