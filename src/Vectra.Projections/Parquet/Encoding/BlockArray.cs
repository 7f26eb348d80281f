using System.Buffers;
using System.Runtime.CompilerServices;

namespace Vectra.Projections.Parquet.Encoding;

/// <summary>
/// An append-only list of unmanaged values in pooled blocks of <see cref="BlockLength"/> values, so that growing never
/// copies what is already stored: a million-row column is written to memory once instead of once per doubling.
/// The first block starts small and doubles up to the full length, so a column of a few rows stays small.
/// Read it in contiguous pieces with <see cref="Piece"/>.
/// </summary>
internal sealed class BlockArray<T> : IDisposable
    where T : unmanaged
{
    public const int BlockLength = 64 * 1024;
    private const int FirstBlockLength = 1024;

    private readonly List<T[]> _blocks = [];
    private T[] _current = [];
    // Capacity of _current that is used, whatever larger length the pool handed out.
    private int _currentLength;
    private int _offset;
    private int _blockIndex = -1;

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (_offset == _currentLength)
        {
            MakeRoom();
        }
        _current[_offset++] = item;
        Count++;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        while (!items.IsEmpty)
        {
            if (_offset == _currentLength)
            {
                MakeRoom();
            }
            var take = Math.Min(items.Length, _currentLength - _offset);
            items[..take].CopyTo(_current.AsSpan(_offset));
            _offset += take;
            Count += take;
            items = items[take..];
        }
    }

    /// <summary>The longest contiguous run of values that starts at <paramref name="start"/>, at most <paramref name="count"/> long.</summary>
    public ReadOnlySpan<T> Piece(int start, int count)
    {
        var block = _blocks[start / BlockLength];
        var offset = start % BlockLength;
        return block.AsSpan(offset, Math.Min(count, Math.Min(Count - start, BlockLength - offset)));
    }

    /// <summary>Forgets the values; the blocks are kept for the next row group.</summary>
    public void Clear()
    {
        Count = 0;
        _blockIndex = -1;
        _current = [];
        _currentLength = 0;
        _offset = 0;
    }

    public void Dispose()
    {
        foreach (var block in _blocks)
        {
            ArrayPool<T>.Shared.Return(block);
        }
        _blocks.Clear();
        Clear();
    }

    private void MakeRoom()
    {
        if (_blockIndex == 0 && _currentLength < BlockLength)
        {
            // Still the first block: double it (the only copies ever made, all below one block).
            var grown = ArrayPool<T>.Shared.Rent(Math.Min(_currentLength * 2, BlockLength));
            _current.AsSpan(0, _offset).CopyTo(grown);
            ArrayPool<T>.Shared.Return(_current);
            _blocks[0] = grown;
            _current = grown;
            _currentLength = Math.Min(_currentLength * 2, BlockLength);
            return;
        }
        _blockIndex++;
        if (_blockIndex == _blocks.Count)
        {
            _blocks.Add(ArrayPool<T>.Shared.Rent(_blockIndex == 0 ? FirstBlockLength : BlockLength));
        }
        _current = _blocks[_blockIndex];
        // A first block kept from an earlier row group may still be short of the full length; it keeps doubling.
        _currentLength = Math.Min(_current.Length, BlockLength);
        _offset = 0;
    }
}
