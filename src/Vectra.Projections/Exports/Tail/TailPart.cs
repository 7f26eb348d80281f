using System.Buffers.Binary;
using System.Text;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// The rows of one export part, in memory, encoded one after another by <see cref="TailRowCodec"/>: the part's UTC day,
/// the seqs of the records that added its first and last rows, its row count, and how many of its bytes are already
/// saved in views.db (the rest is saved at the next flush).
/// </summary>
internal sealed class TailPart(long number)
{
    private byte[] _bytes = [];

    /// <summary>Which part this is; views.db's saved chunks carry it.</summary>
    public long Number => number;

    public long Day { get; private set; }

    public long FirstSeq { get; private set; }

    public long LastSeq { get; private set; }

    public int Rows { get; private set; }

    /// <summary>Bytes of encoded rows held.</summary>
    public int Length { get; private set; }

    /// <summary>The first <see cref="Saved"/> bytes are in views.db already.</summary>
    public int Saved { get; set; }

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    /// <summary>Counts a row just encoded, added by record <paramref name="seq"/> on <paramref name="day"/>.</summary>
    public void Added(long seq, long day)
    {
        if (Rows == 0)
        {
            FirstSeq = seq;
            Day = day;
        }
        LastSeq = seq;
        Rows++;
    }

    /// <summary>Appends a chunk saved in views.db (at a start or after a rollback), with the part's state when it was saved.</summary>
    public void Restore(long day, long firstSeq, long lastSeq, int rows, ReadOnlySpan<byte> chunk)
    {
        chunk.CopyTo(Reserve(chunk.Length));
        Length += chunk.Length;
        Saved = Length;
        (Day, FirstSeq, LastSeq, Rows) = (day, firstSeq, lastSeq, rows);
    }

    /// <summary>Drops the bytes after <paramref name="length"/> (a row whose encoding failed half way).</summary>
    public void Truncate(int length) => Length = length;

    public void WriteFlag(bool value)
    {
        Reserve(1)[0] = value ? (byte)1 : (byte)0;
        Length++;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
        Length += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);
        Length += 8;
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        Length += 8;
    }

    /// <summary>Writes <paramref name="text"/> as its UTF-8 byte count and bytes.</summary>
    public void WriteText(string text)
    {
        var span = Reserve(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        Length += 4 + length;
    }

    /// <summary>Writes <paramref name="bytes"/> as their count and the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        var span = Reserve(4 + bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, bytes.Length);
        bytes.CopyTo(span[4..]);
        Length += 4 + bytes.Length;
    }

    /// <summary>Free space for at least <paramref name="count"/> bytes at the end.</summary>
    private Span<byte> Reserve(int count)
    {
        if (_bytes.Length - Length < count)
        {
            Array.Resize(ref _bytes, Math.Max(Math.Max(4096, _bytes.Length * 2), Length + count));
        }
        return _bytes.AsSpan(Length);
    }
}
