using System.Buffers;

namespace Vectra.Projections.Exports.Writing;

/// <summary>
/// The growing arrays of the column buffers, rented from the shared array pool and given back when a file is done.
/// A file's first row group grows them to a megabyte or more (128 Ki rows), on the large-object heap: fresh arrays for
/// every file cost a full collection every few files, which made a writer's time swing by half between runs.
/// </summary>
internal static class ColumnArrays
{
    private const int FirstLength = 1024;

    /// <summary>Makes room for one more item after the first <paramref name="count"/> of <paramref name="array"/>.</summary>
    public static void Grow<T>(ref T[] array, int count)
    {
        if (count < array.Length)
        {
            return;
        }
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(FirstLength, array.Length * 2));
        array.AsSpan(0, count).CopyTo(larger);
        Return(ref array, count);
        array = larger;
    }

    /// <summary>Gives <paramref name="array"/> back to the pool (cleared where it holds references) and leaves it empty.</summary>
    public static void Return<T>(ref T[] array, int count)
    {
        if (array.Length > 0)
        {
            if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                array.AsSpan(0, count).Clear();
            }
            ArrayPool<T>.Shared.Return(array);
        }
        array = [];
    }
}
