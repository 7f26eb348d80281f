namespace Vectra.Projections.Parquet.Format;

/// <summary>How often a schema field occurs in its parent; values are the Thrift enum numbers.</summary>
internal enum FieldRepetition
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}
