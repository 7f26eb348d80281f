using System.Buffers;
using System.Buffers.Binary;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Storage;

namespace Vectra.Journal.Blocks;

/// <summary>
/// One opened block: its layout bytes (see <see cref="BlockLayout"/>) and the small columns parsed from them.
/// A record is built only when it is asked for, so a read pass holds one record's copy at a time rather than
/// every record of a block (megabytes that would outlive the young generation), and its buffers are reused
/// for the next block once no reader walks this one.
/// </summary>
internal sealed class BlockColumns
{
    private byte[] _raw = [];
    private LentBlock? _lent;
    private long[] _ts = [];
    private int[] _sessions = [];
    private int[] _conns = [];
    private int[] _sources = [];
    private int[] _events = [];
    private int[] _offsets = [];
    private int[] _lengths = [];
    private int _crcs;
    private byte[][] _sessionTexts = [];
    private byte[][] _sourceBytes = [];
    private byte[][] _eventBytes = [];
    private string[] _sourceTexts = [];
    private string[] _eventTexts = [];

    /// <summary>The block these columns hold (its row's header).</summary>
    public SealedBlockHeader Header { get; private set; }

    /// <summary>Enumerations walking these columns now; while any does, the next block is opened into other buffers.</summary>
    public int Readers { get; set; }

    /// <summary>The records held.</summary>
    public int Count => Header.Records;

    /// <summary>
    /// The buffer the block's data is decompressed into, at least <paramref name="length"/> bytes: reused block to
    /// block, and taken from the shared pool, where the next reader finds it already in memory (a fresh buffer of
    /// megabytes costs a page fault per page on its first pass).
    /// </summary>
    public byte[] RawBuffer(int length)
    {
        Unlend();
        if (_raw.Length < length)
        {
            Release();
            _raw = ArrayPool<byte>.Shared.Rent(length);
        }
        return _raw;
    }

    /// <summary>Gives the buffer back to the pool; these columns hold no block afterwards.</summary>
    public void Release()
    {
        Header = default;
        Unlend();
        if (_raw.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_raw);
            _raw = [];
        }
    }

    /// <summary>The ts of the record at <paramref name="index"/>.</summary>
    public long TsAt(int index) => _ts[index];

    /// <summary>Whether the record at <paramref name="index"/> is a system record (its event name starts with <c>$</c>).</summary>
    public bool IsSystemAt(int index) => _eventBytes[_events[index]] is [(byte)'$', ..];

    /// <summary>
    /// Parses the columns of the layout decompressed into <see cref="RawBuffer"/> (its first <see cref="SealedBlockHeader.RawBytes"/>
    /// bytes). Throws <see cref="FormatException"/> when the layout is damaged or disagrees with <paramref name="header"/>.
    /// </summary>
    public void Load(SealedBlockHeader header, Utf8TextCache texts)
    {
        Header = default;
        ReadOnlySpan<byte> raw = _raw.AsSpan(0, header.RawBytes);
        var position = 0;
        if (raw.Length == 0 || raw[position++] != BlockLayout.Version)
        {
            throw new FormatException("the block's layout version is unknown");
        }
        var storedFirst = (long)VarInt.Read(raw, ref position);
        var count = VarInt.ReadCount(raw, ref position, BlockLayout.MaxRecords);
        if (storedFirst != header.FirstSeq || count != header.Records || count == 0)
        {
            throw new FormatException($"the block says it holds meta_seq {storedFirst} and {count} records, its row says {header.FirstSeq} and {header.Records}");
        }
        _sessionTexts = ReadDictionary(raw, ref position);
        _sourceBytes = ReadDictionary(raw, ref position);
        _eventBytes = ReadDictionary(raw, ref position);
        _sourceTexts = Array.ConvertAll(_sourceBytes, bytes => texts.Decode(bytes));
        _eventTexts = Array.ConvertAll(_eventBytes, bytes => texts.Decode(bytes));

        Grow(count);
        _ts[0] = BinaryPrimitives.ReadInt64LittleEndian(Slice(raw, position, 8));
        position += 8;
        for (var i = 1; i < count; i++)
        {
            _ts[i] = _ts[i - 1] + VarInt.ReadSigned(raw, ref position);
        }
        ReadIndexes(raw, ref position, _sessions, count, _sessionTexts.Length);
        for (var i = 0; i < count; i++)
        {
            _conns[i] = checked((int)VarInt.ReadSigned(raw, ref position));
        }
        ReadIndexes(raw, ref position, _sources, count, _sourceBytes.Length);
        ReadIndexes(raw, ref position, _events, count, _eventBytes.Length);
        _crcs = position;
        _ = Slice(raw, position, count * 4);
        position += count * 4;
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            _lengths[i] = VarInt.ReadCount(raw, ref position, int.MaxValue);
            total += _lengths[i];
        }
        if (total != raw.Length - position)
        {
            throw new FormatException($"the block's args lengths add up to {total} bytes, but {raw.Length - position} follow them");
        }
        PlaceArgs(position, count);
        Header = header;
    }

    /// <summary>
    /// The record at <paramref name="index"/>, its checksum checked under <paramref name="scheme"/>: its args are its own copy,
    /// or with <paramref name="lend"/> a slice of this block's buffer, which is then lent (<see cref="LentBlock"/>) and not reused.
    /// </summary>
    public StoredRow Row(int index, ChecksumScheme scheme, bool lend)
    {
        var holds = Check(index, scheme, out var session);
        var (seq, ts, conn, source, eventName) = (Header.FirstSeq + index, _ts[index], _conns[index], _sourceTexts[_sources[index]], _eventTexts[_events[index]]);
        var record = lend
            ? new JournalRecord(seq, ts, session, conn, source, eventName, _lent ??= new LentBlock(_raw), _offsets[index], _lengths[index])
            : new JournalRecord(seq, ts, session, conn, source, eventName, Args(index).ToArray());
        return new StoredRow(record, JournalSchema.RawCodec, holds);
    }

    /// <summary>A lent buffer stays with its records: these columns let go of it and take another for the next block.</summary>
    private void Unlend()
    {
        if (_lent is not null)
        {
            _lent.Release();
            _lent = null;
            _raw = [];
        }
    }

    /// <summary>
    /// The record at <paramref name="index"/> as a block's entry: every field as stored, with its stored CRC32C, for
    /// laying out again; <paramref name="holds"/> says whether that CRC is the record's under <paramref name="scheme"/>.
    /// </summary>
    public BlockEntry Entry(int index, ChecksumScheme scheme, out bool holds)
    {
        holds = Check(index, scheme, out _);
        return new BlockEntry(Header.FirstSeq + index, _ts[index], _sessionTexts[_sessions[index]], _conns[index],
            _sourceBytes[_sources[index]], _eventBytes[_events[index]], Args(index).ToArray(), StoredCrc(index));
    }

    /// <summary>Whether the record at <paramref name="index"/> matches its stored CRC32C under <paramref name="scheme"/>; also parses its session.</summary>
    private bool Check(int index, ChecksumScheme scheme, out Guid session) =>
        scheme.Holds(StoredCrc(index), Header.FirstSeq + index, _ts[index], _sessionTexts[_sessions[index]], _conns[index],
            _sourceBytes[_sources[index]], _eventBytes[_events[index]], Args(index), out session);

    private ReadOnlySpan<byte> Args(int index) => _raw.AsSpan(_offsets[index], _lengths[index]);

    private uint StoredCrc(int index) => BinaryPrimitives.ReadUInt32LittleEndian(_raw.AsSpan(_crcs + index * 4, 4));

    /// <summary>Args are stored grouped by event name, in record order within a group: finds where each record's start.</summary>
    private void PlaceArgs(int position, int count)
    {
        if (_eventBytes.Length == 1)
        {
            for (var i = 0; i < count; i++)
            {
                _offsets[i] = position;
                position += _lengths[i];
            }
            return;
        }
        Span<int> groupStart = _eventBytes.Length <= 256 ? stackalloc int[_eventBytes.Length] : new int[_eventBytes.Length];
        groupStart.Clear();
        for (var i = 0; i < count; i++)
        {
            groupStart[_events[i]] += _lengths[i];
        }
        for (var group = 0; group < groupStart.Length; group++)
        {
            var size = groupStart[group];
            groupStart[group] = position;
            position += size;
        }
        for (var i = 0; i < count; i++)
        {
            _offsets[i] = groupStart[_events[i]];
            groupStart[_events[i]] += _lengths[i];
        }
    }

    private void Grow(int count)
    {
        if (_ts.Length >= count)
        {
            return;
        }
        _ts = new long[count];
        _sessions = new int[count];
        _conns = new int[count];
        _sources = new int[count];
        _events = new int[count];
        _offsets = new int[count];
        _lengths = new int[count];
    }

    private static byte[][] ReadDictionary(ReadOnlySpan<byte> raw, ref int position)
    {
        var entries = new byte[VarInt.ReadCount(raw, ref position, BlockLayout.MaxRecords)][];
        for (var i = 0; i < entries.Length; i++)
        {
            var length = VarInt.ReadCount(raw, ref position, raw.Length);
            entries[i] = Slice(raw, position, length).ToArray();
            position += length;
        }
        return entries;
    }

    private static void ReadIndexes(ReadOnlySpan<byte> raw, ref int position, int[] indexes, int count, int entries)
    {
        if (entries == 0)
        {
            throw new FormatException("a dictionary of the block is empty");
        }
        for (var i = 0; i < count; i++)
        {
            indexes[i] = VarInt.ReadCount(raw, ref position, entries - 1);
        }
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> raw, int position, int length) =>
        length <= raw.Length - position ? raw.Slice(position, length) : throw new FormatException("the block ends before its columns do");
}
