using System.Buffers;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// One export part: its UTC day, the seqs of the records that added its first and last rows, its row count, and the rows
/// added since its last save in views.db, encoded by <see cref="TailRowCodec"/> (the saved ones are chunks in views.db,
/// so memory holds at most a batch's rows). Rows are kept whole in blocks of 64 KB rented from the shared pool (below
/// the large-object heap, so the garbage collector compacts them), a larger row in a block of its own.
/// </summary>
internal sealed class TailPart(long number)
{
    private const int BlockBytes = 64 * 1024;
    private readonly List<Block> _blocks = [];

    /// <summary>Which part this is; views.db's saved chunks carry it.</summary>
    public long Number => number;

    public long Day { get; private set; }

    public long FirstSeq { get; private set; }

    public long LastSeq { get; private set; }

    public int Rows { get; private set; }

    /// <summary>True when rows were added since the part was last saved or restored.</summary>
    public bool HasUnsaved => _blocks.Count > 0;

    /// <summary>Adds one encoded row, added by record <paramref name="seq"/> on <paramref name="day"/>.</summary>
    public void Add(ReadOnlySpan<byte> row, long seq, long day)
    {
        if (_blocks.Count == 0 || _blocks[^1].Free < row.Length)
        {
            _blocks.Add(new Block(ArrayPool<byte>.Shared.Rent(Math.Max(BlockBytes, row.Length))));
        }
        _blocks[^1].Append(row);
        if (Rows == 0)
        {
            FirstSeq = seq;
            Day = day;
        }
        LastSeq = seq;
        Rows++;
    }

    /// <summary>Takes the state of a part saved in views.db (at a start or after a rollback): its last chunk's figures.</summary>
    public void Restore(long day, long firstSeq, long lastSeq, int rows) => (Day, FirstSeq, LastSeq, Rows) = (day, firstSeq, lastSeq, rows);

    /// <summary>The rows added since the last save, as one chunk; the memory they took is given back.</summary>
    public byte[] TakeUnsaved()
    {
        var chunk = new byte[_blocks.Sum(b => b.Used)];
        var at = 0;
        foreach (var block in _blocks)
        {
            block.Bytes.CopyTo(chunk.AsSpan(at));
            at += block.Used;
        }
        Release();
        return chunk;
    }

    /// <summary>The unsaved rows, oldest first, block by block; each block holds whole rows.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Blocks() => _blocks.Select(b => (ReadOnlyMemory<byte>)b.Array.AsMemory(0, b.Used));

    /// <summary>Gives the blocks of unsaved rows back to the pool.</summary>
    public void Release()
    {
        foreach (var block in _blocks)
        {
            ArrayPool<byte>.Shared.Return(block.Array);
        }
        _blocks.Clear();
    }

    private sealed class Block(byte[] array)
    {
        public byte[] Array => array;

        public int Used { get; private set; }

        public int Free => Array.Length - Used;

        public ReadOnlySpan<byte> Bytes => Array.AsSpan(0, Used);

        public void Append(ReadOnlySpan<byte> row)
        {
            row.CopyTo(Array.AsSpan(Used));
            Used += row.Length;
        }
    }
}
