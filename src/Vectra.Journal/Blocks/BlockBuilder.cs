using Vectra.Journal.Records;

namespace Vectra.Journal.Blocks;

/// <summary>Turns a contiguous run of records into a compressed block ready to be stored (before the codec's next block).</summary>
internal static class BlockBuilder
{
    public static SealedBlock Build(IReadOnlyList<BlockEntry> entries, int level, BlockCodec codec)
    {
        var raw = codec.EmptyLayout();
        BlockLayout.Write(entries, raw);
        var data = codec.Compress(raw.WrittenSpan, level);
        long minTs = long.MaxValue, maxTs = long.MinValue, argsBytes = 0;
        var system = 0;
        foreach (var entry in entries)
        {
            minTs = Math.Min(minTs, entry.Ts);
            maxTs = Math.Max(maxTs, entry.Ts);
            argsBytes += entry.Args.Length;
            if (entry.Event.Length > 0 && entry.Event[0] == (byte)'$')
            {
                system++;
            }
        }
        return new SealedBlock(
            entries[0].Seq, entries[^1].Seq, entries.Count, minTs, maxTs, system, argsBytes,
            BlockCodec.Zstd, level, raw.WrittenCount, Crc32C.Of(data.Span), data);
    }
}
