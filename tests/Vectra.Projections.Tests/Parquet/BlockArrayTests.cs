using Vectra.Projections.Parquet.Encoding;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Values stored in blocks come back in order from any start, across block boundaries and after a Clear.</summary>
public sealed class BlockArrayTests
{
    private static long[] ReadBack(BlockArray<long> array, int start, int count)
    {
        var read = new List<long>();
        while (count > 0)
        {
            var piece = array.Piece(start, count);
            Assert.True(piece.Length is > 0 and <= BlockArray<long>.BlockLength);
            read.AddRange(piece.ToArray());
            start += piece.Length;
            count -= piece.Length;
        }
        return [.. read];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(BlockArray<long>.BlockLength)]
    [InlineData(BlockArray<long>.BlockLength + 1)]
    [InlineData((3 * BlockArray<long>.BlockLength) + 777)]
    public void Values_added_one_by_one_and_in_ranges_read_back_in_order_from_any_start(int total)
    {
        var expected = Enumerable.Range(0, total).Select(i => (i * 7919L) - 3).ToArray();
        using var array = new BlockArray<long>();
        var random = new Random(total);
        for (var i = 0; i < total;)
        {
            var run = Math.Min(total - i, random.Next(0, 3) == 0 ? 1 : random.Next(1, 20_000));
            if (run == 1)
            {
                array.Add(expected[i]);
            }
            else
            {
                array.AddRange(expected.AsSpan(i, run));
            }
            i += run;
        }
        Assert.Equal(total, array.Count);
        Assert.Equal(expected, ReadBack(array, 0, total));
        foreach (var start in new[] { 1, 5, total / 3, BlockArray<long>.BlockLength - 1, BlockArray<long>.BlockLength, total - 1 }.Where(s => s >= 0 && s < total))
        {
            var count = Math.Min(total - start, 100_000);
            Assert.Equal(expected.AsSpan(start, count).ToArray(), ReadBack(array, start, count));
        }
    }

    [Fact]
    public void After_a_clear_the_blocks_are_reused_for_new_values()
    {
        using var array = new BlockArray<long>();
        array.AddRange(Enumerable.Range(0, (2 * BlockArray<long>.BlockLength) + 5).Select(i => (long)i).ToArray());
        array.Clear();
        Assert.Equal(0, array.Count);
        var second = Enumerable.Range(0, BlockArray<long>.BlockLength + 3).Select(i => -(long)i).ToArray();
        foreach (var value in second)
        {
            array.Add(value);
        }
        Assert.Equal(second, ReadBack(array, 0, second.Length));
    }

    [Fact]
    public void A_clear_while_the_first_block_is_still_small_keeps_growing_it()
    {
        using var array = new BlockArray<long>();
        array.AddRange(new long[10]);
        array.Clear();
        var values = Enumerable.Range(0, 5_000).Select(i => (long)i).ToArray();
        array.AddRange(values);
        Assert.Equal(values, ReadBack(array, 0, values.Length));
    }
}
