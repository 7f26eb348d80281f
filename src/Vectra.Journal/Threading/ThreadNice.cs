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
    private const int MaxNice = 19;

    /// <summary>
    /// Makes the calling thread <paramref name="steps"/> nice steps less urgent than it is (at most nice 19), so a
    /// process started under <c>nice</c> keeps its threads' order; false where that is not possible.
    /// </summary>
    public static bool TryLowerBy(int steps)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            // PRIO_PROCESS with a thread id addresses that thread alone on Linux (threads have their own nice values there).
            var thread = gettid();
            Marshal.SetLastPInvokeError(0);
            var now = getpriority(PrioProcess, thread);
            if (now == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                return false;
            }
            return setpriority(PrioProcess, thread, Math.Min(MaxNice, now + steps)) == 0;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc", SetLastError = true)]
    private static extern int getpriority(int which, int who);

    [DllImport("libc")]
    private static extern int gettid();
}
