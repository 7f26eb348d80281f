using System.Buffers.Binary;
using System.Text;

namespace Vectra.Journal.Records;

/// <summary>
/// The CRC32C stored with every record. It covers, in this order: seq and ts (int64 little-endian), the
/// session as its stored UTF-8 text, conn (int32 little-endian), then source, event and args; each text
/// is preceded by its byte length (int32 little-endian), so no field can bleed into the next.
/// </summary>
/// <remarks>
/// Journals written before this definition checksummed the session as its 16 GUID bytes, so a change of
/// letter case in the stored text went unseen; <see cref="ComputeLegacy"/> keeps those records
/// verifiable and <see cref="ChecksumScheme"/> says which definition covers which seq.
/// </remarks>
public static class RecordChecksum
{
    /// <summary>The checksum of one record's fields, the session given as its canonical text (lowercase, with dashes).</summary>
    public static uint Compute(long seq, long ts, Guid session, int conn, string source, string eventName, ReadOnlySpan<byte> args)
    {
        Span<byte> sessionText = stackalloc byte[SessionText.Length];
        SessionText.Write(session, sessionText);
        return Compute(seq, ts, sessionText, conn, Encoding.UTF8.GetBytes(source), Encoding.UTF8.GetBytes(eventName), args);
    }

    /// <summary>The checksum of one record's fields as stored: session, source and event name as their UTF-8 bytes.</summary>
    public static uint Compute(long seq, long ts, ReadOnlySpan<byte> session, int conn, ReadOnlySpan<byte> source, ReadOnlySpan<byte> eventName, ReadOnlySpan<byte> args)
    {
        Span<byte> times = stackalloc byte[8 + 8];
        BinaryPrimitives.WriteInt64LittleEndian(times, seq);
        BinaryPrimitives.WriteInt64LittleEndian(times[8..], ts);
        var crc = Crc32C.Append(Crc32C.Seed, times);
        crc = AppendField(crc, session);
        Span<byte> connection = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(connection, conn);
        crc = Crc32C.Append(crc, connection);
        crc = AppendField(crc, source);
        crc = AppendField(crc, eventName);
        crc = AppendField(crc, args);
        return Crc32C.Finish(crc);
    }

    /// <summary>The first definition: the session as 16 GUID bytes. Only for records written before the journal took the stored-text checksum.</summary>
    public static uint ComputeLegacy(long seq, long ts, Guid session, int conn, ReadOnlySpan<byte> source, ReadOnlySpan<byte> eventName, ReadOnlySpan<byte> args)
    {
        Span<byte> fixedPart = stackalloc byte[8 + 8 + 16 + 4];
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart, seq);
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart[8..], ts);
        session.TryWriteBytes(fixedPart[16..]);
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart[32..], conn);

        var crc = Crc32C.Append(Crc32C.Seed, fixedPart);
        crc = AppendField(crc, source);
        crc = AppendField(crc, eventName);
        crc = AppendField(crc, args);
        return Crc32C.Finish(crc);
    }

    private static uint AppendField(uint crc, ReadOnlySpan<byte> field) => Crc32C.Append(AppendLength(crc, field.Length), field);

    private static uint AppendLength(uint crc, int length)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        return Crc32C.Append(crc, bytes);
    }
}
