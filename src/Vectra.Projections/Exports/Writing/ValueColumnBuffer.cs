using Parquet;
using Parquet.Schema;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// The values of a column of a fixed-size type (numbers, booleans, timestamps, string slices) for one row group. A
/// nullable column keeps <c>T?</c> values, a required one plain <c>T</c>, as Parquet.Net expects; the arrays are
/// kept across row groups, so filling them allocates only while a group is larger than any before it.
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
            Grow(ref _nullable);
            _nullable[_count++] = value;
        }
        else
        {
            Grow(ref _values);
            _values[_count++] = value;
        }
    }

    public override void AppendNull()
    {
        if (!field.IsNullable)
        {
            throw new InvalidOperationException($"Column '{field.Name}' is not nullable.");
        }
        Grow(ref _nullable);
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

    private void Grow<TItem>(ref TItem[] array)
    {
        if (_count == array.Length)
        {
            Array.Resize(ref array, Math.Max(1024, array.Length * 2));
        }
    }
}
