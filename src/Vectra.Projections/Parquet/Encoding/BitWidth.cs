using System.Numerics;

namespace Vectra.Projections.Parquet.Encoding;

/// <summary>The number of bits needed to store every value from 0 up to a maximum.</summary>
internal static class BitWidth
{
    public static int Of(int maxValue) => maxValue <= 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)maxValue);
}
