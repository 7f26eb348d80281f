using System.Text;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// Holds the text of a row group's string values in a few large character blocks, so a string column costs no
/// allocation per value: each value is a slice of a block. Blocks are kept and refilled after <see cref="Reset"/>.
/// </summary>
internal sealed class CharArena
{
    private const int BlockChars = 1 << 20;
    private readonly List<char[]> _blocks = [];
    private int _block;
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

    /// <summary>Forgets every value; the blocks are reused.</summary>
    public void Reset()
    {
        _block = 0;
        _used = 0;
        Chars = 0;
    }

    private Memory<char> Reserve(int length)
    {
        while (true)
        {
            if (_block == _blocks.Count)
            {
                _blocks.Add(new char[Math.Max(BlockChars, length)]);
            }
            var block = _blocks[_block];
            if (block.Length - _used >= length)
            {
                var slice = block.AsMemory(_used, length);
                _used += length;
                Chars += length;
                return slice;
            }
            if (_used == 0)
            {
                // A value larger than a kept block: replace the block with one that fits.
                _blocks[_block] = new char[length];
                continue;
            }
            _block++;
            _used = 0;
        }
    }

    private void Give(int unused)
    {
        _used -= unused;
        Chars -= unused;
    }
}
