using System.Buffers.Binary;
using System.Numerics;

namespace Vectra.Journal.Records;

/// <summary>CRC32C (Castagnoli) over byte spans, using the CPU's CRC instruction through <see cref="BitOperations"/>.</summary>
public static class Crc32C
{
    /// <summary>The value to start a running checksum with.</summary>
    public const uint Seed = 0xFFFFFFFFu;

    /// <summary>Folds <paramref name="data"/> into a running (not yet finalized) checksum.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return crc;
    }

    /// <summary>The finished checksum of a running value.</summary>
    public static uint Finish(uint crc) => ~crc;

    /// <summary>The checksum of one span.</summary>
    public static uint Of(ReadOnlySpan<byte> data) => Finish(Append(Seed, data));
}
