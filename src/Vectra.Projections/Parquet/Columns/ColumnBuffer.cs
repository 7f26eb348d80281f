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

    public abstract void WritePlain(int start, int count, ByteBuffer output);

    /// <summary>PLAIN bytes of the smallest and largest value, or nulls when no value orders (none, or only NaN).</summary>
    public abstract (byte[]? Min, byte[]? Max) MinMax();

    public void AppendNull()
    {
        if (!Layout.Column.Nullable)
        {
            throw new InvalidOperationException($"Column '{Layout.Column.Name}' is not nullable.");
        }
        DefinitionLevels.Add(0);
        if (Layout.MaxRepetitionLevel > 0)
        {
            RepetitionLevels.Add(0);
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
    protected void AppendFlatLevel()
    {
        if (_flatDefinitionLevel > 0)
        {
            DefinitionLevels.Add(_flatDefinitionLevel);
        }
    }
}
