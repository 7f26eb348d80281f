namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>One operation the crash child made on a file of its data folder, as the shim logged it.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Name">The file's name inside the data folder; empty for the folder itself.</param>
/// <param name="Offset">Where a write starts, or the size a truncation sets.</param>
/// <param name="Length">A write's byte count, or the bytes a short write really stored.</param>
/// <param name="Data">A write's bytes.</param>
internal sealed record FileOperation(FileOperationKind Kind, string Name, long Offset, long Length, ReadOnlyMemory<byte> Data)
{
    /// <summary>True for the operations that change a file's bytes or size.</summary>
    public bool ChangesContent => Kind is FileOperationKind.Write or FileOperationKind.Truncate;

    /// <summary>The same write cut to its first <paramref name="bytes"/> bytes.</summary>
    public FileOperation CutTo(long bytes) => this with { Length = bytes, Data = Data[..(int)bytes] };
}
