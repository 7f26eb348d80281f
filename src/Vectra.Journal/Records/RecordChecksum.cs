using System.Buffers;
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
    public static uint Compute(long seq, long ts, Guid session, int conn, string source, string eventName, ReadOnlySpan<byte> args)
    {
        Span<byte> fixedPart = stackalloc byte[8 + 8 + 16 + 4];
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart, seq);
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart[8..], ts);
        session.TryWriteBytes(fixedPart[16..]);
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart[32..], conn);

        var crc = Crc32C.Append(Crc32C.Seed, fixedPart);
        crc = AppendText(crc, source);
        crc = AppendText(crc, eventName);
        crc = AppendLength(crc, args.Length);
        crc = Crc32C.Append(crc, args);
        return Crc32C.Finish(crc);
    }

    private static uint AppendText(uint crc, string text)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        crc = AppendLength(crc, byteCount);
        if (byteCount <= 256)
        {
            Span<byte> small = stackalloc byte[256];
            var written = Encoding.UTF8.GetBytes(text, small);
            return Crc32C.Append(crc, small[..written]);
        }
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            return Crc32C.Append(crc, rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static uint AppendLength(uint crc, int length)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        return Crc32C.Append(crc, bytes);
    }
}
