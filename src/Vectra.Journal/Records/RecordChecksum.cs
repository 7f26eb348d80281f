using System.Buffers.Binary;
using System.Text;

namespace Vectra.Journal.Records;

/// <summary>
/// The CRC32C stored with every record. It covers, in this order: seq and ts (int64 little-endian),
/// the session as 16 GUID bytes, conn (int32 little-endian), then source, event and args, each
/// preceded by its byte length (int32 little-endian), so no field can bleed into the next.
/// </summary>
public static class RecordChecksum
{
    /// <summary>The checksum of one record's fields.</summary>
    public static uint Compute(long seq, long ts, Guid session, int conn, string source, string eventName, ReadOnlySpan<byte> args) =>
        Compute(seq, ts, session, conn, Encoding.UTF8.GetBytes(source), Encoding.UTF8.GetBytes(eventName), args);

    /// <summary>The checksum of one record's fields, with source and event name given as UTF-8.</summary>
    public static uint Compute(long seq, long ts, Guid session, int conn, ReadOnlySpan<byte> source, ReadOnlySpan<byte> eventName, ReadOnlySpan<byte> args)
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
