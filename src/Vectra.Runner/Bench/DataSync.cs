using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Vectra.Runner.Bench;

/// <summary>
/// <c>fdatasync(2)</c>: it flushes a file's data, and its size only when the size changed. .NET's <c>Flush(true)</c> is a
/// full <c>fsync</c>, which also writes the inode's times (and is what the bundled SQLite calls for its write-ahead log).
/// </summary>
internal static partial class DataSync
{
    /// <summary>Makes the file's written data durable; throws on failure (a failed sync is never retried).</summary>
    public static void Flush(SafeFileHandle file)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            if (Fdatasync((int)file.DangerousGetHandle()) != 0)
            {
                throw new IOException($"fdatasync failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int Fdatasync(int fd);
}
