namespace Vectra.Projections.Exports.Files;

/// <summary>
/// Writes a file so that it appears whole or not at all: into <c>&lt;path&gt;.tmp</c>, fsynced, renamed over
/// the final path (replacing a file a crashed run already wrote, which holds the same bytes), then the
/// directory fsynced. Any I/O error propagates: the caller's transaction does not commit.
/// </summary>
internal static class DurableFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        DirectorySync.Sync(directory);
    }
}
