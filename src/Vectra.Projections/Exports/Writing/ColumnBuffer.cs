using Parquet;

namespace Vectra.Projections.Exports.Writing;

/// <summary>One column's values of the row group being filled, handed to Parquet.Net when the group is written.</summary>
internal abstract class ColumnBuffer
{
    /// <summary>Adds a null to the current row (a nullable column), or throws.</summary>
    public abstract void AppendNull();

    /// <summary>Writes the buffered values as this column's chunk of <paramref name="rowGroup"/>, then empties the buffer.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup);
}
