namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>
/// One life of a file name (from the round's start or the file's creation): the bytes it started
/// with, every write and truncation after, and how many of those its last fsync made durable.
/// </summary>
internal sealed class FileHistory(byte[] start)
{
    private readonly List<FileOperation> _changes = [];

    public IReadOnlyList<FileOperation> Changes => _changes;

    /// <summary>The changes before the file's last successful sync: what a power cut cannot take.</summary>
    public int SyncedChanges { get; private set; }

    public void Add(FileOperation change)
    {
        if (change.Kind == FileOperationKind.WriteShort)
        {
            var write = _changes.Count > 0 ? _changes[^1] : null;
            if (write is not { Kind: FileOperationKind.Write } || write.Offset != change.Offset)
            {
                throw new InvalidOperationException($"{change.Name}: a short write at {change.Offset} follows no write there");
            }
            _changes[^1] = write.CutTo(change.Length);
            return;
        }
        _changes.Add(change);
    }

    public void MarkSynced() => SyncedChanges = _changes.Count;

    /// <summary>The bytes after the first <paramref name="changes"/> changes.</summary>
    public FileImage Rebuild(int changes)
    {
        var image = new FileImage(start);
        for (var i = 0; i < changes; i++)
        {
            image.Apply(_changes[i]);
        }
        return image;
    }
}
