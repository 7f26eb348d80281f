namespace Vectra.Projections.Parquet.Format;

/// <summary>The kinds of page this writer produces; values are the Thrift enum numbers.</summary>
internal enum PageType
{
    DataPage = 0,
    DictionaryPage = 2,
}
