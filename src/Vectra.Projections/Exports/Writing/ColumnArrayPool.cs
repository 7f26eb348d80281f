using System.Runtime.CompilerServices;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// The column arrays of finished export files, kept for the next file's columns of the same element type. A file's
/// row group fills arrays of up to 128 Ki values, grown by doubling; fresh for every file, each chain of them landed on
/// the large-object heap and waited there for a full collection, which made a capture's resident peaks (BENCHMARKS.md,
/// memory). A column takes the largest idle array, so a file after the first rarely grows one. Idle arrays of all types
/// together hold at most <see cref="ColumnArrayBudget.MaxIdleBytes"/>; arrays beyond it are left to the collector.
/// The arrays' capacity never reaches a file's bytes: a column hands Parquet.Net only its filled values.
/// </summary>
internal static class ColumnArrayPool<T>
{
    private const int MinLength = 1024;
    private static readonly List<T[]> Idle = [];

    /// <summary>The largest idle array if it holds <paramref name="atLeast"/> values, else a new one of that length.</summary>
    public static T[] Rent(int atLeast)
    {
        lock (ColumnArrayBudget.Guard)
        {
            var best = -1;
            for (var i = 0; i < Idle.Count; i++)
            {
                if (Idle[i].Length >= atLeast && (best < 0 || Idle[i].Length > Idle[best].Length))
                {
                    best = i;
                }
            }
            if (best >= 0)
            {
                var array = Idle[best];
                Idle.RemoveAt(best);
                ColumnArrayBudget.IdleBytes -= BytesOf(array);
                return array;
            }
        }
        return new T[Math.Max(MinLength, atLeast)];
    }

    /// <summary>A larger array holding the first <paramref name="used"/> values of <paramref name="array"/>, which is given back.</summary>
    public static T[] Grow(T[] array, int used)
    {
        var larger = Rent(Math.Max(MinLength, array.Length * 2));
        Array.Copy(array, larger, used);
        Return(array, used);
        return larger;
    }

    /// <summary>Gives <paramref name="array"/> back; its first <paramref name="used"/> values are cleared first when they hold references.</summary>
    public static void Return(T[] array, int used)
    {
        if (array.Length == 0)
        {
            return;
        }
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(array, 0, used); // string slices would keep their text blocks alive
        }
        lock (ColumnArrayBudget.Guard)
        {
            if (ColumnArrayBudget.IdleBytes + BytesOf(array) <= ColumnArrayBudget.MaxIdleBytes)
            {
                Idle.Add(array);
                ColumnArrayBudget.IdleBytes += BytesOf(array);
            }
        }
    }

    private static long BytesOf(T[] array) => (long)array.Length * Unsafe.SizeOf<T>();
}
