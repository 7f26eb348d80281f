using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vectra.Projections.Parquet.Encoding;

/// <summary>PLAIN encoding of fixed-width values (INT32, INT64, DOUBLE): their little-endian bytes, one after another.</summary>
internal static class FixedWidthPlain
{
    /// <summary>Writes one value's little-endian bytes at the start of <paramref name="target"/>.</summary>
    public delegate void ValueWriter<in T>(Span<byte> target, T value);

    /// <summary>Writes <paramref name="count"/> values from <paramref name="start"/>; <paramref name="writeValue"/> is used only on a big-endian machine.</summary>
    public static void Write<T>(BlockArray<T> values, int start, int count, ByteBuffer output, ValueWriter<T> writeValue)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        for (var end = start + count; start < end; start += count)
        {
            var piece = values.Piece(start, end - start);
            count = piece.Length;
            if (BitConverter.IsLittleEndian)
            {
                // PLAIN is the in-memory layout on a little-endian machine.
                output.Write(MemoryMarshal.AsBytes(piece));
                continue;
            }
            var target = output.GetSpan(piece.Length * size);
            for (var i = 0; i < piece.Length; i++)
            {
                writeValue(target[(i * size)..], piece[i]);
            }
            output.Advance(piece.Length * size);
        }
    }
}
