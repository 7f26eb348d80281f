using System.Diagnostics;
using Vectra.Journal.Errors;

namespace Vectra.Journal.Storage;

/// <summary>
/// The one-writer rule, for the journal and for any other file with a single writer (views.db). An exclusive OS lock on <c>journal.lock</c> is held for the writer's lifetime
/// (the OS drops it when the process dies, even by SIGKILL); <c>journal.owner</c> says who holds it,
/// so a second writer can name the process in its error.
/// </summary>
public sealed class WriterLock : IDisposable
{
    private const int ProbeRetries = 10;
    private static readonly TimeSpan ProbeRetryDelay = TimeSpan.FromMilliseconds(20);
    private readonly FileStream _lock;

    private WriterLock(FileStream held) => _lock = held;

    /// <summary>Takes the journal's writer lock, or throws <see cref="JournalLockedException"/> naming the holder.</summary>
    public static WriterLock Acquire(JournalFiles files) =>
        Acquire(files.LockFile, files.OwnerFile,
            owner => $"The journal in {files.DataDirectory} is already open for writing by {owner}. " +
                "Only one process may write a journal: stop that process first, or read the journal (status, verify, export) while it runs.");

    /// <summary>Takes the lock at <paramref name="lockFile"/>, recording this process in <paramref name="ownerFile"/>; the message names the holder on failure.</summary>
    /// <remarks>
    /// A <see cref="DescribeHolder(string, string)"/> probe (<c>vectra status</c>) holds the lock for an
    /// instant; the lock is tried again for a short while, so a writer starting at that moment is not
    /// turned away with a stale owner. A real writer holds it for its whole life and still fails at once.
    /// </remarks>
    public static WriterLock Acquire(string lockFile, string ownerFile, Func<string, string> heldMessage)
    {
        var held = Take(lockFile) ?? throw new JournalLockedException(heldMessage(ReadOwner(ownerFile)));
        try
        {
            File.WriteAllText(ownerFile, DescribeThisProcess());
        }
        catch
        {
            held.Dispose();
            throw;
        }
        return new WriterLock(held);
    }

    /// <summary>The lock, or null when another process keeps holding it.</summary>
    private static FileStream? Take(string lockFile)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(lockFile))
            {
                if (attempt == ProbeRetries)
                {
                    return null;
                }
                Thread.Sleep(ProbeRetryDelay);
            }
        }
    }

    /// <summary>Who writes the journal right now, or null when no process holds the lock.</summary>
    public static string? DescribeHolder(JournalFiles files) => DescribeHolder(files.LockFile, files.OwnerFile);

    /// <summary>Who holds the lock at <paramref name="lockFile"/>, or null when nobody does.</summary>
    public static string? DescribeHolder(string lockFile, string ownerFile)
    {
        if (!File.Exists(lockFile))
        {
            return null;
        }
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return null;
        }
        catch (IOException)
        {
            return ReadOwner(ownerFile);
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadOwner(string ownerFile) =>
        File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "an unknown process";

    private static string DescribeThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        var command = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        return $"process {Environment.ProcessId} ({self.ProcessName}{(command.Length > 0 ? " " + command : "")}) on {Environment.MachineName}, since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z";
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _lock.Dispose();
}
