namespace Vectra.Runner.Bench;

/// <summary>How <c>vectra bench parquet</c> hands its rows to our writer.</summary>
internal enum ParquetBenchInput
{
    /// <summary>In column batches (<c>WriteColumn</c>/<c>EndBatch</c>): the data starts columnar, as DuckDB's table does.</summary>
    Columns,

    /// <summary>Row by row (<c>Write…</c>/<c>EndRow</c>), as the export projections write.</summary>
    Rows,
}
