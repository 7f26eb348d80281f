using System.Runtime.CompilerServices;
using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Parquet.Columns;

/// <summary>
/// The values of one column for the current row group, before encoding: definition and repetition levels
/// (only when the column has them) and the non-null values, densely.
/// </summary>
internal abstract class ColumnBuffer(ColumnLayout layout) : IDisposable
{
    // Read once per appended value, so kept out of the layout record.
    private readonly byte _flatDefinitionLevel = (byte)layout.MaxDefinitionLevel;

    public ColumnLayout Layout { get; } = layout;

    public GrowableArray<byte> DefinitionLevels { get; } = new();

    public GrowableArray<byte> RepetitionLevels { get; } = new();

    public abstract int ValueCount { get; }

    /// <summary>Level entries: one per row for flat columns, one per element (or per null/empty list) for lists.</summary>
    public int LevelCount => Layout.MaxDefinitionLevel == 0 ? ValueCount : DefinitionLevels.Count;

    /// <summary>Entries whose definition level is below the maximum: nulls, and for lists also null and empty lists.</summary>
    public long NullCount
    {
        get
        {
            var max = (byte)Layout.MaxDefinitionLevel;
            var nulls = 0L;
            foreach (var level in DefinitionLevels.Span)
            {
                if (level < max)
                {
                    nulls++;
                }
            }
            return nulls;
        }
    }

    /// <summary>Bytes the value at this index takes in PLAIN encoding (booleans count one).</summary>
    public abstract int PlainSize(int valueIndex);

    /// <summary>The PLAIN size of every value when the type has a fixed width, else 0: pages then split without a per-value call.</summary>
    public virtual int FixedPlainSize => 0;

    public abstract void WritePlain(int start, int count, ByteBuffer output);

    /// <summary>PLAIN bytes of the smallest and largest value, or nulls when no value orders (none, or only NaN).</summary>
    public abstract (byte[]? Min, byte[]? Max) MinMax();

    public void AppendNull() => AppendNulls(1);

    /// <summary>Appends <paramref name="count"/> null rows (for a list column: null lists).</summary>
    public void AppendNulls(int count)
    {
        if (!Layout.Column.Nullable)
        {
            throw new InvalidOperationException($"Column '{Layout.Column.Name}' is not nullable.");
        }
        DefinitionLevels.AddRepeated(0, count);
        if (Layout.MaxRepetitionLevel > 0)
        {
            RepetitionLevels.AddRepeated(0, count);
        }
    }

    public virtual void Clear()
    {
        DefinitionLevels.Clear();
        RepetitionLevels.Clear();
    }

    public virtual void Dispose()
    {
        DefinitionLevels.Dispose();
        RepetitionLevels.Dispose();
    }

    /// <summary>Records a present value of a flat column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void AppendFlatLevel()
    {
        if (_flatDefinitionLevel > 0)
        {
            DefinitionLevels.Add(_flatDefinitionLevel);
        }
    }

    /// <summary>Records <paramref name="count"/> present values of a flat column.</summary>
    protected void AppendFlatLevels(int count)
    {
        if (_flatDefinitionLevel > 0)
        {
            DefinitionLevels.AddRepeated(_flatDefinitionLevel, count);
        }
    }
}
