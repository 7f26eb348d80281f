namespace Vectra.Projections.Exports.Writing;

/// <summary>The bound on idle column arrays that every <see cref="ColumnArrayPool{T}"/> shares, and its lock.</summary>
internal static class ColumnArrayBudget
{
    /// <summary>
    /// At most this many bytes of idle column arrays (32 MB): the columns of one 128 Ki-row group of the widest export
    /// type, so the files a capture writes one after another reuse their arrays instead of allocating them again.
    /// </summary>
    public const long MaxIdleBytes = 32L << 20;

    internal static readonly Lock Guard = new();

    /// <summary>Bytes held by idle arrays of every element type (under <see cref="Guard"/>).</summary>
    internal static long IdleBytes { get; set; }
}
