namespace Vectra.Runner.Serve.Caching;

/// <summary>
/// A file's size and last write time: a kept-open connection follows its file while these stay the same, and opens it
/// anew when they change (the file was replaced, or a checkpoint copied the write-ahead log into it).
/// </summary>
internal readonly record struct FileIdentity(long Length, DateTime Written)
{
    /// <summary>The identity of <paramref name="path"/> now, or null when there is no such file.</summary>
    public static FileIdentity? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileIdentity(info.Length, info.LastWriteTimeUtc) : null;
    }
}
