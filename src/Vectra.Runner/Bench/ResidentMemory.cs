using System.Globalization;

namespace Vectra.Runner.Bench;

/// <summary>A process's resident memory from <c>/proc/PID/status</c>: now (<c>VmRSS</c>) and its peak so far (<c>VmHWM</c>, what GNU <c>time</c>'s <c>%M</c> reports at exit), in KB.</summary>
internal readonly record struct ResidentMemory(long ResidentKb, long PeakKb)
{
    /// <summary>The process's figures, or null once it has exited (or on a system without <c>/proc</c>).</summary>
    public static ResidentMemory? Of(int processId)
    {
        try
        {
            long resident = -1, peak = -1;
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    resident = KbOf(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = KbOf(line);
                }
            }
            return resident < 0 || peak < 0 ? null : new ResidentMemory(resident, peak);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // "VmRSS:	  123456 kB"
    private static long KbOf(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
