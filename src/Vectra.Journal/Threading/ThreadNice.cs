using System.Runtime.InteropServices;

namespace Vectra.Journal.Threading;

/// <summary>
/// Lowers the calling thread's CPU priority on Linux (its own nice value), where .NET's <see cref="Thread.Priority"/>
/// has no effect. An unprivileged thread cannot raise it again, so work that must sometimes run at normal priority
/// needs a thread of its own.
/// </summary>
public static class ThreadNice
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
