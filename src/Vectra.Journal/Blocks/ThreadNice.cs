using System.Runtime.InteropServices;

namespace Vectra.Journal.Blocks;

/// <summary>
/// Lowers the calling thread's CPU priority on Linux (its own nice value), where .NET's <see cref="Thread.Priority"/>
/// has no effect. An unprivileged thread cannot raise it again, so a thread that must sometimes run at normal
/// priority is a different thread.
/// </summary>
internal static class ThreadNice
{
    private const int PrioProcess = 0;

    /// <summary>Sets the calling thread's nice value to <paramref name="nice"/> (0-19); false where that is not possible.</summary>
    public static bool TryLower(int nice)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            // PRIO_PROCESS with a thread id sets that thread alone on Linux (threads have their own nice values there).
            return setpriority(PrioProcess, gettid(), nice) == 0;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int gettid();
}
