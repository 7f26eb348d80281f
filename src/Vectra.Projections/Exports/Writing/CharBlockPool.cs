namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// The character blocks every <see cref="CharArena"/> fills, shared by all export writers. A block is small enough to
/// stay off the large-object heap, and the blocks a finished row group gave back are handed to the next one, so
/// writing file after file allocates no new text memory; at most <see cref="MaxIdleBlocks"/> wait idle, the rest go to
/// the collector, so memory held between row groups stays bounded however many files were written.
/// </summary>
internal static class CharBlockPool
{
    /// <summary>Characters in a block: 64 KB, under the runtime's 85,000-byte large-object threshold.</summary>
    public const int BlockChars = 32 * 1024;

    /// <summary>
    /// The most idle blocks kept (8 MB). 2 MB saved a capture no measurable peak, and made a large file's every row group
    /// allocate its text again: `bench parquet` went from 82 to 114 MB allocated and 8 to 35-70 ms of pauses a write,
    /// 1.5-2.4x DuckDB's COPY instead of 1.1-1.3x (BENCHMARKS.md, eleventh session).
    /// </summary>
    public const int MaxIdleBlocks = 128;

    private static readonly Stack<char[]> Idle = new();
    private static readonly Lock Guard = new();

    /// <summary>Blocks waiting to be reused right now.</summary>
    public static int IdleBlocks
    {
        get
        {
            lock (Guard)
            {
                return Idle.Count;
            }
        }
    }

    /// <summary>An idle block, or a new one.</summary>
    public static char[] Rent()
    {
        lock (Guard)
        {
            if (Idle.TryPop(out var block))
            {
                return block;
            }
        }
        return new char[BlockChars];
    }

    /// <summary>Gives <paramref name="blocks"/> back (blocks of another size are left to the collector).</summary>
    public static void Return(List<char[]> blocks)
    {
        lock (Guard)
        {
            foreach (var block in blocks)
            {
                if (block.Length == BlockChars && Idle.Count < MaxIdleBlocks)
                {
                    Idle.Push(block);
                }
            }
        }
    }
}
