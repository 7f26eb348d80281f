using System.Buffers;
using System.Buffers.Binary;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>
/// The bytes of a block before compression, column by column so like sits next to like:
/// a header (layout version, first seq, count), three small dictionaries (sessions, sources, event
/// names, each as length-prefixed stored bytes), then per record: ts deltas (zigzag varints after an
/// 8-byte first ts), session, conn, source and event indexes (varints), the stored CRC32C (4 bytes),
/// the args length (varint); then every record's args bytes back to back. Seqs are first seq + index.
/// </summary>
internal static class BlockLayout
{
    private const byte Version = 1;

    /// <summary>The most records one block may hold.</summary>
    public const int MaxRecords = 1 << 20;

    /// <summary>Lays out contiguous records (seq, seq+1, …).</summary>
    public static byte[] Write(IReadOnlyList<BlockEntry> records)
    {
        ArgumentOutOfRangeException.ThrowIfZero(records.Count);
        var sessions = new TextDictionary();
        var sources = new TextDictionary();
        var events = new TextDictionary();
        long argsBytes = 0;
        foreach (var record in records)
        {
            sessions.Add(record.Session);
            sources.Add(record.Source);
            events.Add(record.Event);
            argsBytes += record.Args.Length;
        }
        var output = new ArrayBufferWriter<byte>((int)Math.Min(int.MaxValue, argsBytes + records.Count * 24L + 1024));
        output.Write([Version]);
        WriteVar(output, (ulong)records[0].Seq);
        WriteVar(output, (ulong)records.Count);
        sessions.WriteTo(output);
        sources.WriteTo(output);
        events.WriteTo(output);

        var first = output.GetSpan(8);
        BinaryPrimitives.WriteInt64LittleEndian(first, records[0].Ts);
        output.Advance(8);
        for (var i = 1; i < records.Count; i++)
        {
            WriteSigned(output, records[i].Ts - records[i - 1].Ts);
        }
        foreach (var record in records)
        {
            WriteVar(output, (ulong)sessions.IndexOf(record.Session));
        }
        foreach (var record in records)
        {
            WriteSigned(output, record.Conn);
        }
        foreach (var record in records)
        {
            WriteVar(output, (ulong)sources.IndexOf(record.Source));
        }
        foreach (var record in records)
        {
            WriteVar(output, (ulong)events.IndexOf(record.Event));
        }
        foreach (var record in records)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), record.Crc);
            output.Advance(4);
        }
        foreach (var record in records)
        {
            WriteVar(output, (ulong)record.Args.Length);
        }
        // Args grouped by event name (in record order within a group): frames of one kind sit together,
        // so the compressor finds its matches close by.
        for (var group = 0; group < events.Count; group++)
        {
            foreach (var record in records)
            {
                if (events.IndexOf(record.Event) == group)
                {
                    output.Write(record.Args);
                }
            }
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads every record back, each with its checksum checked against its fields. Throws
    /// <see cref="FormatException"/> when the layout itself is damaged or disagrees with the block's row.
    /// </summary>
    public static StoredRow[] Parse(ReadOnlySpan<byte> raw, long firstSeq, int count, Utf8TextCache texts, ChecksumScheme scheme)
    {
        var position = 0;
        if (raw.Length == 0 || raw[position++] != Version)
        {
            throw new FormatException("the block's layout version is unknown");
        }
        var storedFirst = (long)VarInt.Read(raw, ref position);
        var storedCount = VarInt.ReadCount(raw, ref position, MaxRecords);
        if (storedFirst != firstSeq || storedCount != count)
        {
            throw new FormatException($"the block says it holds meta_seq {storedFirst} and {storedCount} records, its row says {firstSeq} and {count}");
        }
        var sessions = ReadDictionary(raw, ref position);
        var sources = ReadDictionary(raw, ref position);
        var events = ReadDictionary(raw, ref position);

        var ts = new long[count];
        ts[0] = BinaryPrimitives.ReadInt64LittleEndian(Slice(raw, position, 8));
        position += 8;
        for (var i = 1; i < count; i++)
        {
            ts[i] = ts[i - 1] + VarInt.ReadSigned(raw, ref position);
        }
        var sessionIndex = ReadIndexes(raw, ref position, count, sessions.Length);
        var conns = new int[count];
        for (var i = 0; i < count; i++)
        {
            conns[i] = checked((int)VarInt.ReadSigned(raw, ref position));
        }
        var sourceIndex = ReadIndexes(raw, ref position, count, sources.Length);
        var eventIndex = ReadIndexes(raw, ref position, count, events.Length);
        var crcs = Slice(raw, position, count * 4);
        position += count * 4;
        var lengths = new int[count];
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            lengths[i] = VarInt.ReadCount(raw, ref position, int.MaxValue);
            total += lengths[i];
        }
        if (total != raw.Length - position)
        {
            throw new FormatException($"the block's args lengths add up to {total} bytes, but {raw.Length - position} follow them");
        }

        var offsets = new int[count];
        for (var group = 0; group < events.Length; group++)
        {
            for (var i = 0; i < count; i++)
            {
                if (eventIndex[i] == group)
                {
                    offsets[i] = position;
                    position += lengths[i];
                }
            }
        }
        var rows = new StoredRow[count];
        for (var i = 0; i < count; i++)
        {
            var args = raw.Slice(offsets[i], lengths[i]);
            rows[i] = StoredRow.Of(
                firstSeq + i, ts[i], sessions[sessionIndex[i]], conns[i], sources[sourceIndex[i]], events[eventIndex[i]],
                JournalSchema.RawCodec, args, BinaryPrimitives.ReadUInt32LittleEndian(crcs[(i * 4)..]), texts, scheme);
        }
        return rows;
    }

    private static byte[][] ReadDictionary(ReadOnlySpan<byte> raw, ref int position)
    {
        var entries = new byte[VarInt.ReadCount(raw, ref position, MaxRecords)][];
        for (var i = 0; i < entries.Length; i++)
        {
            var length = VarInt.ReadCount(raw, ref position, raw.Length);
            entries[i] = Slice(raw, position, length).ToArray();
            position += length;
        }
        return entries;
    }

    private static int[] ReadIndexes(ReadOnlySpan<byte> raw, ref int position, int count, int entries)
    {
        var indexes = new int[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = VarInt.ReadCount(raw, ref position, entries - 1);
        }
        return indexes;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> raw, int position, int length) =>
        length <= raw.Length - position ? raw.Slice(position, length) : throw new FormatException("the block ends before its columns do");

    private static void WriteVar(ArrayBufferWriter<byte> output, ulong value) =>
        output.Advance(VarInt.Write(output.GetSpan(VarInt.MaxBytes), value));

    private static void WriteSigned(ArrayBufferWriter<byte> output, long value) =>
        output.Advance(VarInt.WriteSigned(output.GetSpan(VarInt.MaxBytes), value));

    /// <summary>The distinct values of one text column, in order of first use.</summary>
    private sealed class TextDictionary
    {
        private readonly List<byte[]> _entries = [];
        private readonly Dictionary<byte[], int> _indexes = new(ByteArrayComparer.Instance);

        public void Add(byte[] value)
        {
            if (!_indexes.ContainsKey(value))
            {
                _indexes[value] = _entries.Count;
                _entries.Add(value);
            }
        }

        public int Count => _entries.Count;

        public int IndexOf(byte[] value) => _indexes[value];

        public void WriteTo(ArrayBufferWriter<byte> output)
        {
            WriteVar(output, (ulong)_entries.Count);
            foreach (var entry in _entries)
            {
                WriteVar(output, (ulong)entry.Length);
                output.Write(entry);
            }
        }
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
