using Parquet;
using Parquet.Schema;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// A nullable LIST&lt;DOUBLE&gt; column for one row group, kept as Parquet's own parts: the present elements, and one
/// definition and repetition level per element slot (a null or empty list takes one slot), handed to Parquet.Net's
/// <c>WriteAllPartsAsync</c>.
/// </summary>
internal sealed class DoubleListColumnBuffer(ListField list) : ColumnBuffer
{
    // Levels of the three-level form under an optional list: 0 null list, 1 empty list, 2 null element, 3 element.
    private const int NullList = 0;
    private const int EmptyList = 1;
    private const int NullElement = 2;
    private const int Element = 3;
    private readonly DataField _element = (DataField)list.Item;
    private double[] _values = [];
    private int[] _definitions = [];
    private int[] _repetitions = [];
    private int _valueCount;
    private int _slotCount;

    public override void AppendNull() => Slot(NullList, 0);

    public void Append(ReadOnlySpan<double> elements)
    {
        if (elements.IsEmpty)
        {
            Slot(EmptyList, 0);
            return;
        }
        for (var i = 0; i < elements.Length; i++)
        {
            AddValue(elements[i]);
            Slot(Element, i == 0 ? 0 : 1);
        }
    }

    public void Append(ReadOnlySpan<double?> elements)
    {
        if (elements.IsEmpty)
        {
            Slot(EmptyList, 0);
            return;
        }
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i] is { } value)
            {
                AddValue(value);
                Slot(Element, i == 0 ? 0 : 1);
            }
            else
            {
                Slot(NullElement, i == 0 ? 0 : 1);
            }
        }
    }

    /// <summary>Element slots buffered (bounds a row group with long lists).</summary>
    public int Slots => _slotCount;

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup)
    {
        var (values, slots) = (_valueCount, _slotCount);
        (_valueCount, _slotCount) = (0, 0);
        await rowGroup.WriteAllPartsAsync(
            _element,
            new ReadOnlyMemory<double>(_values, 0, values),
            new ReadOnlyMemory<int>(_definitions, 0, slots),
            new ReadOnlyMemory<int>(_repetitions, 0, slots),
            CancellationToken.None).ConfigureAwait(false);
    }

    private void AddValue(double value)
    {
        if (_valueCount == _values.Length)
        {
            Array.Resize(ref _values, Math.Max(1024, _values.Length * 2));
        }
        _values[_valueCount++] = value;
    }

    private void Slot(int definition, int repetition)
    {
        if (_slotCount == _definitions.Length)
        {
            var size = Math.Max(1024, _definitions.Length * 2);
            Array.Resize(ref _definitions, size);
            Array.Resize(ref _repetitions, size);
        }
        _definitions[_slotCount] = definition;
        _repetitions[_slotCount] = repetition;
        _slotCount++;
    }
}
