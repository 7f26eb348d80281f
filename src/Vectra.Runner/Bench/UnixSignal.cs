using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Vectra.Runner.Bench;

/// <summary>Sends SIGTERM to a child process, as a service manager stops a capture (.NET's <c>Process.Kill</c> only sends SIGKILL).</summary>
internal static partial class UnixSignal
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to stop; throws when the signal cannot be sent.</summary>
    public static void Terminate(int processId)
    {
        if (Kill(processId, SigTerm) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({processId}, SIGTERM) failed");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
