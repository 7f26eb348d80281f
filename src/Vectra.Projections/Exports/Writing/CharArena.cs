using System.Text;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// Holds the text of a row group's string values in character blocks from the shared <see cref="CharBlockPool"/>, so a
/// string column costs no allocation per value: each value is a slice of a block. <see cref="Reset"/> gives the blocks
/// back once the row group is written; an arena holds no memory between row groups.
/// </summary>
internal sealed class CharArena
{
    private readonly List<char[]> _blocks = [];
    private char[] _current = [];
    private int _used;

    /// <summary>Characters held since the last <see cref="Reset"/>.</summary>
    public long Chars { get; private set; }

    public ReadOnlyMemory<char> Add(ReadOnlySpan<char> text)
    {
        var slice = Reserve(text.Length);
        text.CopyTo(slice.Span);
        return slice;
    }

    /// <summary>Adds UTF-8 text, decoded (invalid sequences become U+FFFD, as any UTF-8 decoder does).</summary>
    public ReadOnlyMemory<char> AddUtf8(ReadOnlySpan<byte> utf8)
    {
        var slice = Reserve(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        var length = Encoding.UTF8.GetChars(utf8, slice.Span);
        Give(slice.Length - length);
        return slice[..length];
    }

    /// <summary>Forgets every value and gives the blocks back to the pool; slices handed out before must no longer be read.</summary>
    public void Reset()
    {
        CharBlockPool.Return(_blocks);
        _blocks.Clear();
        _current = [];
        _used = 0;
        Chars = 0;
    }

    private Memory<char> Reserve(int length)
    {
        if (_current.Length - _used < length)
        {
            // A value larger than a block gets an array of its own; the pool keeps only blocks of its size.
            _current = length > CharBlockPool.BlockChars ? new char[length] : CharBlockPool.Rent();
            _blocks.Add(_current);
            _used = 0;
        }
        var slice = _current.AsMemory(_used, length);
        _used += length;
        Chars += length;
        return slice;
    }

    private void Give(int unused)
    {
        _used -= unused;
        Chars -= unused;
    }
}
