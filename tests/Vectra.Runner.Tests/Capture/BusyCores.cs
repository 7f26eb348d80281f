using System.Diagnostics;

namespace Vectra.Runner.Tests.Capture;

/// <summary>
/// Keeps every core of the machine busy while a test runs: one <c>bash</c> busy loop per core,
/// started by the test and killed (by process id) when disposed.
/// </summary>
internal sealed class BusyCores : IDisposable
{
    private readonly List<Process> _loops = [];

    public BusyCores()
    {
        for (var core = 0; core < Environment.ProcessorCount; core++)
        {
            var start = new ProcessStartInfo("bash") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("while :; do :; done");
            _loops.Add(Process.Start(start) ?? throw new InvalidOperationException("could not start a busy loop"));
        }
    }

    public void Dispose()
    {
        foreach (var loop in _loops)
        {
            if (!loop.HasExited)
            {
                loop.Kill();
                loop.WaitForExit();
            }
            loop.Dispose();
        }
    }
}
