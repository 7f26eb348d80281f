using Parquet;
using Parquet.Schema;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// The values of a column of a fixed-size type (numbers, booleans, timestamps, string slices) for one row group. A
/// nullable column keeps <c>T?</c> values, a required one plain <c>T</c>, as Parquet.Net expects; the arrays are
/// kept across row groups and rented from a pool (<see cref="ColumnArrays"/>), so filling them rarely allocates.
/// </summary>
internal sealed class ValueColumnBuffer<T>(DataField field) : ColumnBuffer
    where T : struct
{
    private T[] _values = [];
    private T?[] _nullable = [];
    private int _count;

    public void Append(T value)
    {
        if (field.IsNullable)
        {
            ColumnArrays.Grow(ref _nullable, _count);
            _nullable[_count++] = value;
        }
        else
        {
            ColumnArrays.Grow(ref _values, _count);
            _values[_count++] = value;
        }
    }

    public override void AppendNull()
    {
        if (!field.IsNullable)
        {
            throw new InvalidOperationException($"Column '{field.Name}' is not nullable.");
        }
        ColumnArrays.Grow(ref _nullable, _count);
        _nullable[_count++] = null;
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup)
    {
        var count = _count;
        _count = 0;
        if (field.IsNullable)
        {
            await rowGroup.WriteAsync(field, new ReadOnlyMemory<T?>(_nullable, 0, count)).ConfigureAwait(false);
        }
        else
        {
            await rowGroup.WriteAsync(field, new ReadOnlyMemory<T>(_values, 0, count)).ConfigureAwait(false);
        }
    }

    public override void Release()
    {
        ColumnArrays.Return(ref _values, _values.Length);
        ColumnArrays.Return(ref _nullable, _nullable.Length);
        _count = 0;
    }
}
