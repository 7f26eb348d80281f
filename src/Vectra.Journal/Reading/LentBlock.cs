using System.Buffers;
using Vectra.Journal.Errors;

namespace Vectra.Journal.Reading;

/// <summary>
/// A sealed block's decompressed buffer lent to the records streamed from it, so that their args are read where they lie
/// instead of copied out (a full rebuild copied 1.6 GB into fresh arrays, and the read-ahead queue kept enough of them
/// alive for the collector to move them again). Counted: the block's reader holds it while the block is open, and each
/// chunk of records holds it until its consumer is done; the last release returns the buffer to the pool. A record read
/// after that throws <see cref="LentArgsReleasedException"/> when the check sees it, but the check is best-effort: a
/// record kept past its chunk may still read the buffer while the block reader holds it, and later another block's
/// bytes. Nothing may keep a streamed record past its turn (copy <c>Args</c> to keep it).
/// </summary>
internal sealed class LentBlock(byte[] buffer)
{
    private int _holders = 1;

    /// <summary>Whether the buffer went back to the pool.</summary>
    public bool Returned => Volatile.Read(ref _holders) == 0;

    /// <summary><paramref name="length"/> bytes at <paramref name="offset"/>; throws once the buffer went back to the pool.</summary>
    public ReadOnlySpan<byte> Span(int offset, int length) =>
        Returned
            ? throw new LentArgsReleasedException("a record streamed from a sealed block was read after its stream moved past it; copy its Args to keep it")
            : buffer.AsSpan(offset, length);

    /// <summary>One more holder (a chunk of records about to be queued).</summary>
    public void Hold()
    {
        if (Interlocked.Increment(ref _holders) == 1)
        {
            throw new InvalidOperationException("a lent block was held again after its buffer went back to the pool");
        }
    }

    /// <summary>A holder is done; the last one returns the buffer to the pool.</summary>
    public void Release()
    {
        var left = Interlocked.Decrement(ref _holders);
        if (left == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        else if (left < 0)
        {
            throw new InvalidOperationException("a lent block was released more often than it was held");
        }
    }
}
