namespace Vectra.Projections.Parquet.Format;

/// <summary>The encodings this writer uses (the specification's <c>Encoding</c> enum, renamed to avoid System.Text.Encoding).</summary>
internal enum ValueEncoding
{
    Plain = 0,
    Rle = 3,
    RleDictionary = 8,
}
