using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>
/// DOUBLE values, flat or as the elements of a LIST&lt;DOUBLE&gt;. PLAIN is eight bytes little-endian (IEEE 754).
/// Statistics follow parquet.thrift: NaN never becomes min or max, a zero min is written as -0.0 and a zero max as +0.0.
/// </summary>
internal sealed class DoubleColumnBuffer(ColumnLayout layout) : ColumnBuffer(layout)
{
    private readonly BlockArray<double> _values = new();

    public override int ValueCount => _values.Count;

    public void Append(double value)
    {
        AppendFlatLevel();
        _values.Add(value);
    }

    /// <summary>Appends one present value per row of a flat column.</summary>
    public void AppendRange(ReadOnlySpan<double> values)
    {
        AppendFlatLevels(values.Length);
        _values.AddRange(values);
    }

    public void AppendList(ReadOnlySpan<double> elements)
    {
        if (elements.IsEmpty)
        {
            AppendEmptyList();
            return;
        }
        var present = (byte)(Layout.ListDefinitionLevel + 2);
        for (var i = 0; i < elements.Length; i++)
        {
            RepetitionLevels.Add(i == 0 ? (byte)0 : (byte)1);
            DefinitionLevels.Add(present);
        }
        _values.AddRange(elements);
    }

    public void AppendList(ReadOnlySpan<double?> elements)
    {
        if (elements.IsEmpty)
        {
            AppendEmptyList();
            return;
        }
        var nullElement = (byte)(Layout.ListDefinitionLevel + 1);
        var present = (byte)(Layout.ListDefinitionLevel + 2);
        for (var i = 0; i < elements.Length; i++)
        {
            RepetitionLevels.Add(i == 0 ? (byte)0 : (byte)1);
            if (elements[i] is { } value)
            {
                DefinitionLevels.Add(present);
                _values.Add(value);
            }
            else
            {
                DefinitionLevels.Add(nullElement);
            }
        }
    }

    public override int PlainSize(int valueIndex) => sizeof(double);

    public override int FixedPlainSize => sizeof(double);

    public override void WritePlain(int start, int count, ByteBuffer output) =>
        FixedWidthPlain.Write(_values, start, count, output, BinaryPrimitives.WriteDoubleLittleEndian);

    public override (byte[]? Min, byte[]? Max) MinMax()
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var start = 0; start < _values.Count;)
        {
            var values = _values.Piece(start, _values.Count - start);
            foreach (var value in values)
            {
                // A NaN compares false both ways, so it never becomes min or max; -0.0 and +0.0 tie, which the zero rule below settles.
                min = value < min ? value : min;
                max = value > max ? value : max;
            }
            start += values.Length;
        }
        if (min > max)
        {
            return (null, null);
        }
        return (Bytes(min == 0 ? -0.0 : min), Bytes(max == 0 ? 0.0 : max));
    }

    public override void Clear()
    {
        base.Clear();
        _values.Clear();
    }

    public override void Dispose()
    {
        base.Dispose();
        _values.Dispose();
    }

    private void AppendEmptyList()
    {
        RepetitionLevels.Add(0);
        DefinitionLevels.Add((byte)Layout.ListDefinitionLevel);
    }

    private static byte[] Bytes(double value)
    {
        var bytes = new byte[sizeof(double)];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }
}
