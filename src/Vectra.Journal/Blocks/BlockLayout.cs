using System.Buffers;
using System.Buffers.Binary;

namespace Vectra.Journal.Blocks;

/// <summary>
/// The bytes of a block before compression, column by column so like sits next to like:
/// a header (layout version, first seq, count), three small dictionaries (sessions, sources, event
/// names, each as length-prefixed stored bytes), then per record: ts deltas (zigzag varints after an
/// 8-byte first ts), session, conn, source and event indexes (varints), the stored CRC32C (4 bytes),
/// the args length (varint); then every record's args bytes, grouped by event name (in record order within
/// a group). Seqs are first seq + index. <see cref="BlockColumns"/> reads it back.
/// </summary>
internal static class BlockLayout
{
    /// <summary>The layout's version, its first byte.</summary>
    public const byte Version = 1;

    /// <summary>The most records one block may hold.</summary>
    public const int MaxRecords = 1 << 20;

    /// <summary>Lays out contiguous records (seq, seq+1, …) at the end of <paramref name="output"/>.</summary>
    public static void Write(IReadOnlyList<BlockEntry> records, ArrayBufferWriter<byte> output)
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
        output.GetSpan((int)Math.Min(int.MaxValue, argsBytes + records.Count * 24L + 1024));
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
        var eventIndex = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            eventIndex[i] = events.IndexOf(records[i].Event);
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
        foreach (var index in eventIndex)
        {
            WriteVar(output, (ulong)index);
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
            for (var i = 0; i < records.Count; i++)
            {
                if (eventIndex[i] == group)
                {
                    output.Write(records[i].Args.Span);
                }
            }
        }
    }

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
