using System.Buffers;
using System.Runtime.CompilerServices;

namespace Vectra.Projections.Parquet.Encoding;

/// <summary>An append-only list of unmanaged values on pooled arrays, exposed as a span.</summary>
internal sealed class GrowableArray<T> : IDisposable
    where T : unmanaged
{
    private T[] _items = ArrayPool<T>.Shared.Rent(1024);
    private int _count;

    public int Count => _count;

    public ReadOnlySpan<T> Span => _items.AsSpan(0, _count);

    public T this[int index] => _items[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            Grow(_count + 1);
        }
        _items[_count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        if (_count + items.Length > _items.Length)
        {
            Grow(_count + items.Length);
        }
        items.CopyTo(_items.AsSpan(_count));
        _count += items.Length;
    }

    public void AddRepeated(T item, int count)
    {
        if (_count + count > _items.Length)
        {
            Grow(_count + count);
        }
        _items.AsSpan(_count, count).Fill(item);
        _count += count;
    }

    public void Clear() => _count = 0;

    public void Dispose()
    {
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
            _items = [];
            _count = 0;
        }
    }

    private void Grow(int needed)
    {
        var grown = ArrayPool<T>.Shared.Rent(Math.Max(needed, _items.Length * 2));
        _items.AsSpan(0, _count).CopyTo(grown);
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
        }
        _items = grown;
    }
}
