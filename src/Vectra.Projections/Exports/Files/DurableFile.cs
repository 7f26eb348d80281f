namespace Vectra.Projections.Exports.Files;

/// <summary>
/// A file that appears whole or not at all: written into <c>&lt;path&gt;.tmp</c>, fsynced, renamed over the final
/// path (replacing a file a crashed run already wrote), then the directory fsynced. Every export and output
/// file of Vectra is written through it.
/// </summary>
/// <remarks>
/// Failure policy: any I/O error propagates and nothing is retried; a file disposed without
/// <see cref="Commit"/> deletes its temporary, so the final path keeps its old content (or stays absent).
/// </remarks>
public sealed class DurableFile : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly FileLimitGuard _stream;
    private bool _committed;

    /// <summary>Starts writing <paramref name="path"/> (its folder is created).</summary>
    public DurableFile(string path)
    {
        _path = path;
        _temporary = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _stream = new FileLimitGuard(new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
    }

    /// <summary>Where the bytes go until <see cref="Commit"/>.</summary>
    public Stream Stream => _stream;

    /// <summary>Writes a whole file with <paramref name="write"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = new DurableFile(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Makes the bytes durable and puts them at the final path.</summary>
    public void Commit()
    {
        _stream.FlushToDisk(true);
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
        DirectorySync.Sync(Path.GetDirectoryName(Path.GetFullPath(_path))!);
    }

    /// <summary>Closes the file; without a commit, the temporary is deleted.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            _stream.Dispose();
            return;
        }
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // The bytes are being thrown away: a failure to flush them must not hide the failure that got us here.
        }
        File.Delete(_temporary);
    }
}
