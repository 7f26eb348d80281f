using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Vectra.Runner.Tests.Capture;

/// <summary>
/// Sends SIGTERM straight through libc's <c>kill</c>: starting a <c>kill</c> child process takes hundreds of
/// milliseconds on a loaded machine, time a stop-promise measurement must not charge to the capture.
/// </summary>
internal static class UnixSignal
{
    private const int SigTerm = 15;

    public static void Terminate(int processId)
    {
        if (Kill(processId, SigTerm) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({processId}, SIGTERM) failed");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
