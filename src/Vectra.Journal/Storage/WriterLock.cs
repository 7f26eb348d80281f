using System.Diagnostics;
using Vectra.Journal.Errors;

namespace Vectra.Journal.Storage;

/// <summary>
/// The one-writer rule. An exclusive OS lock on <c>journal.lock</c> is held for the writer's lifetime
/// (the OS drops it when the process dies, even by SIGKILL); <c>journal.owner</c> says who holds it,
/// so a second writer can name the process in its error.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    private readonly FileStream _lock;

    private WriterLock(FileStream held) => _lock = held;

    public static WriterLock Acquire(JournalFiles files)
    {
        FileStream held;
        try
        {
            held = new FileStream(files.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = File.Exists(files.OwnerFile) ? File.ReadAllText(files.OwnerFile).Trim() : "an unknown process";
            throw new JournalLockedException(
                $"The journal in {files.DataDirectory} is already open for writing by {owner}. " +
                "Only one process may write a journal: stop that process first, or read the journal (status, verify, export) while it runs.");
        }
        File.WriteAllText(files.OwnerFile, DescribeThisProcess());
        return new WriterLock(held);
    }

    /// <summary>Who writes the journal right now, or null when no process holds the lock.</summary>
    public static string? DescribeHolder(JournalFiles files)
    {
        if (!File.Exists(files.LockFile))
        {
            return null;
        }
        try
        {
            using var probe = new FileStream(files.LockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return null;
        }
        catch (IOException)
        {
            return File.Exists(files.OwnerFile) ? File.ReadAllText(files.OwnerFile).Trim() : "an unknown process";
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string DescribeThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        var command = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        return $"process {Environment.ProcessId} ({self.ProcessName}{(command.Length > 0 ? " " + command : "")}) on {Environment.MachineName}, since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z";
    }

    public void Dispose() => _lock.Dispose();
}
