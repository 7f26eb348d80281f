using System.Runtime.InteropServices;

namespace Vectra.Projections.Exports.Files;

/// <summary>
/// fsync of a directory, so a rename inside it is durable. .NET has no API for it; on Linux and macOS this calls
/// open(O_RDONLY)/fsync/close from libc. Elsewhere (Windows) a rename is made durable by the file system itself.
/// </summary>
internal static partial class DirectorySync
{
    public static void Sync(string directory)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return;
        }
        var fd = Open(directory, 0);
        if (fd < 0)
        {
            throw new IOException($"open({directory}) for fsync failed: errno {Marshal.GetLastPInvokeError()}");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync({directory}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
