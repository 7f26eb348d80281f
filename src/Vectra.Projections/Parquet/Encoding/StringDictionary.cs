using Vectra.Projections.Parquet.Columns;

namespace Vectra.Projections.Parquet.Encoding;

/// <summary>
/// The distinct values of a string column chunk in order of first appearance, and each value's index into them.
/// Built only while the chunk stays within the entry and byte limits; otherwise the chunk is written PLAIN.
/// </summary>
internal sealed class StringDictionary : IDisposable
{
    private readonly GrowableArray<int> _entries = new();
    private readonly GrowableArray<int> _indices = new();
    private StringColumnBuffer? _column;

    public int EntryCount => _entries.Count;

    public ReadOnlySpan<int> Indices => _indices.Span;

    /// <summary>Index bit width for RLE_DICTIONARY pages; at least one, since some readers reject zero.</summary>
    public int IndexBitWidth => Math.Max(1, BitWidth.Of(EntryCount - 1));

    public ReadOnlySpan<byte> Entry(int entry) => _column!.Value(_entries[entry]);

    /// <summary>Fills the dictionary from the column; false when the column has too many or too large distinct values.</summary>
    public bool TryBuild(StringColumnBuffer column, int maxEntries, int maxBytes)
    {
        _column = column;
        _entries.Clear();
        _indices.Clear();
        var lookup = new Dictionary<int, int>(new ValueComparer(column));
        var bytes = 0L;
        var index = 0;
        for (var i = 0; i < column.ValueCount; i++)
        {
            // Columns such as game_id repeat a value over many consecutive rows: the buffer knows a repeat without a hash lookup.
            if (i > 0 && column.SameAsPrevious(i))
            {
                _indices.Add(index);
                continue;
            }
            if (!lookup.TryGetValue(i, out index))
            {
                index = _entries.Count;
                bytes += column.PlainSize(i);
                if (index >= maxEntries || bytes > maxBytes)
                {
                    return false;
                }
                lookup.Add(i, index);
                _entries.Add(i);
            }
            _indices.Add(index);
        }
        return true;
    }

    public (byte[]? Min, byte[]? Max) MinMax()
    {
        if (EntryCount == 0)
        {
            return (null, null);
        }
        var min = 0;
        var max = 0;
        for (var i = 1; i < EntryCount; i++)
        {
            if (Entry(i).SequenceCompareTo(Entry(min)) < 0)
            {
                min = i;
            }
            if (Entry(i).SequenceCompareTo(Entry(max)) > 0)
            {
                max = i;
            }
        }
        return (Entry(min).ToArray(), Entry(max).ToArray());
    }

    public void WritePlainEntries(ByteBuffer output)
    {
        for (var i = 0; i < EntryCount; i++)
        {
            var entry = Entry(i);
            output.WriteInt32LittleEndian(entry.Length);
            output.Write(entry);
        }
    }

    public void Dispose()
    {
        _entries.Dispose();
        _indices.Dispose();
    }

    /// <summary>Compares values of the column by their UTF-8 bytes, keyed by value index, so no string is materialized.</summary>
    private sealed class ValueComparer(StringColumnBuffer column) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => column.Value(x).SequenceEqual(column.Value(y));

        public int GetHashCode(int obj)
        {
            var hash = new HashCode();
            hash.AddBytes(column.Value(obj));
            return hash.ToHashCode();
        }
    }
}
